//! What the load benchmark reads: the organisation's size and the logins and pages to drive.

use super::history::ThisYear;
use super::org::Org;
use super::{PASSWORD, Shape};
use domain::CycleId;
use domain::role::GrantedRoles;
use serde::Serialize;

#[derive(Serialize, Debug)]
pub struct Manifest {
    pub shape: &'static str,
    pub seed: u64,
    pub people: usize,
    pub units: usize,
    pub cycles: usize,
    pub generated_seconds: f64,
    pub password: &'static str,
    pub pages: Vec<Page>,
    pub drafts: Vec<Draft>,
}

#[derive(Serialize, Debug)]
pub struct Page {
    pub page: &'static str,
    pub requests: Vec<Request>,
}

#[derive(Serialize, Debug)]
pub struct Request {
    pub email: String,
    pub path: String,
}

/// A preparation draft the employee saves again and again.
#[derive(Serialize, Debug)]
pub struct Draft {
    pub email: String,
    pub path: String,
    pub fields: Vec<(String, String)>,
}

/// How many logins of a kind the manifest names, spread over the organisation.
const SAMPLE: usize = 400;

/// Every `len / n`th element, so that a sample reaches across the whole organisation.
fn spread<T>(items: Vec<T>, n: usize) -> Vec<T> {
    let step = items.len().div_ceil(n).max(1);
    items.into_iter().step_by(step).collect()
}

impl Manifest {
    pub fn new(
        shape: Shape,
        seed: u64,
        generated_seconds: f64,
        org: &Org,
        current: Option<CycleId>,
        this_year: &[ThisYear],
    ) -> Manifest {
        let email = |p: usize| org.people[p].email.clone();
        let people = |keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
            (0..org.people.len()).filter(|p| keep(*p)).collect()
        };
        // Employees who are only employees: no unit to lead, no role reaching further.
        let plain = |p: usize| {
            let person = &org.people[p];
            !person.leads && person.roles == GrantedRoles::default()
        };
        let employees: Vec<&ThisYear> = spread(
            this_year.iter().filter(|t| plain(t.person)).collect(),
            SAMPLE,
        );
        // Leaders of teams: the units without units below them.
        let team_leaders = spread(
            people(&|p| {
                let person = &org.people[p];
                person.leads && !org.units.iter().any(|u| u.parent == Some(person.unit))
            }),
            SAMPLE / 2,
        );
        let hr = people(&|p| org.people[p].roles.hr);
        let leadership = people(&|p| org.people[p].roles.leadership);
        let cycle = current.map(|c| c.to_string()).unwrap_or_default();
        let overview = format!("/cycles/{cycle}/overview");
        let page = |page: &'static str, who: &[usize], path: &dyn Fn(usize) -> String| Page {
            page,
            requests: who
                .iter()
                .map(|p| Request {
                    email: email(*p),
                    path: path(*p),
                })
                .collect(),
        };
        let conversation_of = |p: usize| format!("/cycles/{cycle}/people/{}", org.people[p].id);
        let employee_ids: Vec<usize> = employees.iter().map(|t| t.person).collect();
        let mut pages = match shape {
            Shape::Large { .. } => vec![
                page("employee home", &employee_ids, &|_| "/".to_owned()),
                page("employee conversation", &employee_ids, &conversation_of),
                // Their own figures and their team's: what they cost follows the scope.
                page("employee effect", &employee_ids, &|_| "/effect".to_owned()),
                page("leader home", &team_leaders, &|_| "/".to_owned()),
                page("leader cycle overview", &team_leaders, &|_| {
                    overview.clone()
                }),
                page("leader follow-up list", &team_leaders, &|_| {
                    "/follow-through".to_owned()
                }),
                page("leader effect", &team_leaders, &|_| "/effect".to_owned()),
                page("HR cycle overview", &hr, &|_| overview.clone()),
                page("HR follow-up list", &hr, &|_| "/follow-through".to_owned()),
                page("leadership effect", &leadership, &|_| "/effect".to_owned()),
                page("leadership strategic feedback", &leadership, &|_| {
                    "/strategy/feedback".to_owned()
                }),
                // Their home pages flag what concerns them across the whole organisation.
                page("HR home", &hr, &|_| "/".to_owned()),
                page("leadership home", &leadership, &|_| "/".to_owned()),
            ],
            // The four pages of the measurement we compare with, each as HR sees it but the
            // last, which any employee has: only the layout, the navigation and a small form.
            Shape::Small => {
                // HR opens each employee's page in turn.
                let person_pages = Page {
                    page: "HR one person's conversations",
                    requests: employee_ids
                        .iter()
                        .zip(hr.iter().cycle())
                        .map(|(p, h)| Request {
                            email: email(*h),
                            path: format!("/people/{}", org.people[*p].id),
                        })
                        .collect(),
                };
                vec![
                    page("HR people overview", &hr, &|_| "/people".to_owned()),
                    page("HR all conversations", &hr, &|_| {
                        "/conversations".to_owned()
                    }),
                    person_pages,
                    page(
                        "account page (layout and navigation)",
                        &employee_ids,
                        &|_| "/account/password".to_owned(),
                    ),
                ]
            }
        };
        pages.retain(|p| !p.requests.is_empty());
        let drafts = spread(
            this_year
                .iter()
                .filter(|t| t.draft && plain(t.person))
                .collect(),
            SAMPLE,
        )
        .into_iter()
        .map(|t| Draft {
            email: email(t.person),
            path: format!("/conversations/{}/preparation", t.conversation),
            fields: vec![
                (
                    "q0".to_owned(),
                    "Jeg kan regne med mine kolleger, og jeg har brug for faste rammer for, hvornår vi prioriterer udvikling.".to_owned(),
                ),
                ("q3".to_owned(), "4".to_owned()),
            ],
        })
        .collect();
        Manifest {
            shape: shape.name(),
            seed,
            people: org.people.len(),
            units: org.units.len(),
            cycles: shape.cycles(),
            generated_seconds,
            password: PASSWORD,
            pages,
            drafts,
        }
    }
}
