//! Long lists shown fifty lines at a time: which page was asked for, which lines it holds, and
//! the links to the pages beside it (`pager.html`).

/// Lines on a page of a long list.
pub const PER_PAGE: usize = 50;

/// One page of a list of `total` lines.
#[derive(Clone, Debug)]
pub struct Paging {
    /// 1-based.
    pub number: usize,
    pub total: usize,
    /// The page's first and last line, counted from 1 (`from` > `to` on an empty page).
    pub from: usize,
    pub to: usize,
    /// The list's address with its other parameters, ending in `?` or `&`, for the links.
    pub href: String,
}

impl Paging {
    /// The page asked for (the first when none or zero is).
    pub fn number(asked: Option<usize>) -> usize {
        asked.unwrap_or(1).clamp(1, 1_000_000)
    }

    /// How many lines come before page `number`.
    pub fn offset(number: usize) -> usize {
        (number - 1) * PER_PAGE
    }

    /// Page `number` of a list of `total` lines, of which it shows `shown`.
    pub fn new(number: usize, total: usize, shown: usize, href: String) -> Paging {
        let offset = Paging::offset(number);
        Paging {
            number,
            total,
            from: offset + 1,
            to: offset + shown,
            href,
        }
    }

    /// Takes page `number` of a list already in its order.
    pub fn slice<T>(items: Vec<T>, number: usize, href: String) -> (Vec<T>, Paging) {
        let total = items.len();
        let page: Vec<T> = items
            .into_iter()
            .skip(Paging::offset(number))
            .take(PER_PAGE)
            .collect();
        let paging = Paging::new(number, total, page.len(), href);
        (page, paging)
    }

    /// Whether the list is longer than one page.
    pub fn is_split(&self) -> bool {
        self.total > PER_PAGE
    }

    pub fn previous(&self) -> Option<usize> {
        (self.number > 1).then(|| self.number - 1)
    }

    pub fn next(&self) -> Option<usize> {
        (self.to < self.total).then_some(self.number + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cut_a_list_into_fifties() {
        let (first, paging) = Paging::slice((1..=120).collect(), 1, "/x?".into());
        assert_eq!((first.len(), paging.from, paging.to), (50, 1, 50));
        assert_eq!((paging.previous(), paging.next()), (None, Some(2)));
        let (last, paging) = Paging::slice((1..=120).collect(), 3, "/x?".into());
        assert_eq!(
            (last, paging.from, paging.to),
            ((101..=120).collect(), 101, 120)
        );
        assert_eq!((paging.previous(), paging.next()), (Some(2), None));
        let (past, paging) = Paging::slice((1..=120).collect::<Vec<_>>(), 9, "/x?".into());
        assert!(past.is_empty() && paging.next().is_none() && paging.is_split());
        let (_, short) = Paging::slice(vec![1, 2], Paging::number(None), "/x?".into());
        assert!(!short.is_split());
        assert_eq!(Paging::number(Some(0)), 1);
    }
}
