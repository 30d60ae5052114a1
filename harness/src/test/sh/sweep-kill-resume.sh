#!/usr/bin/env bash
# Kills a real `./vaevar sweep` with SIGKILL by its pid midway, reruns the same command on the partial directory,
# and checks that table.csv and seeds.csv are byte-identical to an uninterrupted run's.
#   harness/src/test/sh/sweep-kill-resume.sh [WORKDIR]     (default: a new directory under /tmp)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
WORK="${1:-$(mktemp -d /tmp/vaevar-kill-resume.XXXXXX)}"
mkdir -p "$WORK"
SWEEP="$WORK/kill-resume.json"
# The shipped example, longer (more cycles and seeds), so that the kill lands midway.
sed -e 's/"cycles": 600,/"cycles": 1500,/' -e 's/"seeds": 4/"seeds": 8/' \
    "$ROOT/experiments/sweeps/l63-noise.json" > "$SWEEP"

cd "$ROOT"
echo "reference run (uninterrupted) ..."
./vaevar sweep "$SWEEP" --out "$WORK/reference" --threads 2 -q > "$WORK/reference.log"
TOTAL=$(find "$WORK/reference/tasks" -name '*.json' | wc -l)

echo "interrupted run ..."
./vaevar sweep "$SWEEP" --out "$WORK/resumed" --threads 2 -q > "$WORK/killed.log" 2>&1 &
PID=$!
# Wait until some, but not all, tasks are recorded, then kill the JVM (the launcher execs java: same pid).
for _ in $(seq 1 600); do
  DONE=$( (find "$WORK"/resumed.partial-*/tasks -name '*.json' 2>/dev/null || true) | wc -l)
  [ "$DONE" -ge $((TOTAL / 3)) ] && break
  sleep 0.05
done
kill -KILL "$PID"
wait "$PID" 2>/dev/null && STATUS=0 || STATUS=$?
DONE=$(find "$WORK"/resumed.partial-*/tasks -name '*.json' | wc -l)
echo "killed pid $PID (exit status $STATUS) with $DONE of $TOTAL tasks recorded"
[ -d "$WORK/resumed" ] && { echo "FAIL: a killed sweep has its final directory"; exit 1; }
[ "$DONE" -lt "$TOTAL" ] || { echo "FAIL: the sweep finished before the kill; nothing to resume"; exit 1; }

echo "rerun of the same command ..."
./vaevar sweep "$SWEEP" --out "$WORK/resumed" --threads 2 -q | tail -2
for f in table.csv seeds.csv; do
  if cmp -s "$WORK/reference/$f" "$WORK/resumed/$f"; then
    echo "$f: identical ($(wc -l < "$WORK/resumed/$f") lines)"
  else
    echo "FAIL: $f differs"; diff "$WORK/reference/$f" "$WORK/resumed/$f" | head; exit 1
  fi
done
echo "OK ($WORK)"
