#!/bin/bash
# Usage: docs/after-change.sh BINARY DATABASE_URL UNITS_PER_CHANGE ROUNDS WAIT_SECONDS
# Times the organisation's effect dashboard: the first view WAIT_SECONDS after start, warm
# views, and the view after changing one conversation in each of UNITS_PER_CHANGE random units
# of the newest cycle (through sqlite3 or psql, as another instance would). The server log and
# mails go to $WORKDIR (default target/bench). Logs in as the generated head of the organisation.
set -euo pipefail
bin=$1; url=$2; per=${3:-1}; rounds=${4:-15}; wait=${5:-0}
port=8099; base=http://127.0.0.1:$port
work=${WORKDIR:-target/bench}; jar=$(mktemp); mkdir -p $work/mail
MOUSE_LOG=warn $bin serve --database $url --bind 127.0.0.1:$port --mail-folder $work/mail >$work/serve.log 2>&1 &
pid=$!; trap "kill $pid 2>/dev/null" EXIT
until curl -sf $base/livez >/dev/null; do sleep 0.2; done
sleep $wait
csrf=$(curl -s -c $jar -b $jar $base/login | grep -o 'name="csrf" value="[^"]*"' | sed 's/.*value="//;s/"//' | head -1)
curl -s -o /dev/null -c $jar -b $jar --data-urlencode "csrf=$csrf" --data-urlencode "email=soeren.poulsen.0@example.dk" --data-urlencode "password=benchmark-password" $base/login
t() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b $jar $base/effect; }
echo "first: $(t)"
for i in 1 2 3; do echo "warm: $(t)"; done
touch_sql="UPDATE conversations SET place = place WHERE id IN (SELECT c.id FROM conversations c WHERE c.cycle_id = (SELECT id FROM cycles ORDER BY conversations_from DESC LIMIT 1) AND c.employee_id IN (SELECT id FROM people WHERE unit_id IN (SELECT id FROM units ORDER BY random() LIMIT $per)) ORDER BY random() LIMIT $per)"
for r in $(seq $rounds); do
  case $url in
    sqlite://*) sqlite3 ${url#sqlite://} "$touch_sql" ;;
    *) psql -q "$url" -c "$touch_sql" ;;
  esac
  echo "after: $(t)"
done
