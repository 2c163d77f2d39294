# Shared by the bench-* scripts (sourced): runs `kith import` on one file several times and
# reports each run and the minimum and median, because wall time on this shared 2-core machine
# varies by 10-20% from one minute to the next.
#   BENCH_RUNS   runs per configuration (default 3)

# bench_import NAME FILE COUNT UNIT [FLAGS...]
#   Prints: NAME [FLAGS]: SIZE MB, COUNT UNIT; per run wall, CPU (user+system), MB/s, peak RSS;
#   then min and median.
#   Returns 1 (after saying why) when an import fails; callers go on with their other runs.
bench_import() {
  local name=$1 file=$2 count=$3 unit=$4
  shift 4
  local runs=${BENCH_RUNS:-3} bytes times run err
  if ! [ "$runs" -ge 1 ] 2>/dev/null; then
    echo "$name: BENCH_RUNS must be a whole number of at least 1, not '$runs'" >&2
    return 1
  fi
  bytes=$(stat -c %s "$file")
  times=$(mktemp) run=$(mktemp) err=$(mktemp)
  for _ in $(seq "$runs"); do
    if ! /usr/bin/time -f "%e %U %S %M" -o "$run" .build/release/kith import "$file" \
        -o "/tmp/kith-$name.json" --quiet "$@" 2>"$err"; then
      echo "$name: kith import $* failed: $(head -c 300 "$err")" >&2
      rm -f "$times" "$run" "$err"
      return 1
    fi
    cat "$run" >> "$times"
  done
  rm -f "$run" "$err"
  python3 - "$name" "${*:-(merge)}" "$bytes" "$count" "$unit" "$times" <<'PY'
import statistics, sys
name, flags, size, count, unit, path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
runs = [tuple(float(x) for x in line.split()) for line in open(path) if line.strip()]
mb = size / 1e6
for wall, user, system, kib in runs:
    print(f"{name} [{flags}]: {mb:.1f} MB, {count} {unit} in {wall:.2f} s wall = {mb / max(wall, 1e-9):.1f} MB/s; "
          f"CPU {user + system:.2f} s; peak RSS {kib / 1024:.0f} MiB")
walls = [r[0] for r in runs]
best, median = min(walls), statistics.median(walls)
print(f"{name} [{flags}]: {len(runs)} runs: best {best:.2f} s = {mb / best:.1f} MB/s, median {median:.2f} s = "
      f"{mb / median:.1f} MB/s, peak RSS at most {max(r[3] for r in runs) / 1024:.0f} MiB")
PY
  rm -f "$times"
}
