#!/usr/bin/env bash
# Runs the test suite under faketime at chosen instants and time zones, to show
# that no test depends on the machine's clock or zone. libfaketime is preloaded
# into Deno and every process it starts (Chromium included), so the code under
# test sees the fake wall clock and the TZ; the monotonic clock keeps its pace
# (same offset), so timeouts behave as usual.
#
#   tools/clock_matrix.sh                    the whole matrix, unit and browser suites
#   tools/clock_matrix.sh --unit             the whole matrix, unit suite only
#   tools/clock_matrix.sh "2026-12-01 02:10|Pacific/Kiritimati" ...
#                                            only these runs ("UTC instant|TZ",
#                                            "UTC instant|TZ|unit" for the unit suite only)
#
# Needs faketime (Debian: apt-get install faketime) and a built app (deno task
# build; deno task test does it). Prints Deno's "ok | N passed | N failed" lines
# and a table per run; exits non-zero when any run fails.
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 DENO_NO_UPDATE_CHECK=1
DENO=${DENO:-tools/deno/node_modules/.bin/deno}

# Every hour the issue names, on a plain day and on the DST-switch days of
# Europe (03-29, 10-25) and of North America (03-08, 11-01), each in both zones.
INSTANTS=(
  "2026-12-01 00:05" "2026-12-01 02:10" "2026-12-01 12:00" "2026-12-01 23:55"
  "2026-03-29 00:05" "2026-10-25 02:10" "2026-03-08 12:00" "2026-11-01 23:55"
)
ZONES=("Pacific/Kiritimati" "America/St_Johns")

browser=1
runs=()
for arg in "$@"; do
  case "$arg" in
  --unit) browser=0 ;;
  --help | -h)
    sed -n '2,16p' "$0"
    exit 0
    ;;
  *) runs+=("$arg") ;;
  esac
done
if [ ${#runs[@]} -eq 0 ]; then
  for at in "${INSTANTS[@]}"; do
    for tz in "${ZONES[@]}"; do runs+=("$at|$tz"); done
  done
fi

if ! command -v faketime >/dev/null; then
  echo "Cannot run the clock matrix: faketime is missing; install it (Debian: apt-get install faketime)" >&2
  exit 2
fi

# One suite at one instant: the clock starts at "$at UTC" when the command starts.
run_suite() {
  local at=$1 tz=$2
  shift 2
  TZ=$tz faketime "$at UTC" "$@" 2>&1
}

summary=()
status=0
for run in "${runs[@]}"; do
  IFS='|' read -r at tz only <<<"$run"
  echo "== faketime $at UTC, TZ=$tz"
  line="$at UTC, TZ=$tz:"
  out=$(mktemp)
  # Caddy is a Go program: Go reads the clock without libc, so libfaketime
  # cannot move it, and the certificate it issues "now" (real time, valid
  # 12 hours) looks expired or not yet valid to Deno on the fake clock. The
  # Caddy test runs in the normal suite; here it would test faketime, not us.
  run_suite "$at" "$tz" "$DENO" test -A --parallel \
    --ignore=tests/browser/,tests/deploy/caddy_test.ts | tee "$out"
  code=${PIPESTATUS[0]}
  line+=" unit $(grep -Eo '[0-9]+ passed \| [0-9]+ failed' "$out" | tail -1 || true) (exit $code)"
  [ "$code" -eq 0 ] || status=1
  if [ "$browser" -eq 1 ] && [ "${only:-}" != "unit" ]; then
    run_suite "$at" "$tz" "$DENO" test -A tests/browser/ | tee "$out"
    code=${PIPESTATUS[0]}
    line+="; browser $(grep -Eo '[0-9]+ passed \| [0-9]+ failed' "$out" | tail -1 || true) (exit $code)"
    [ "$code" -eq 0 ] || status=1
  fi
  rm -f "$out"
  summary+=("$line")
done

echo "== clock matrix"
printf '%s\n' "${summary[@]}"
exit "$status"
