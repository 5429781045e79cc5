#!/usr/bin/env bash
# Prove the README's first command on a cold start: a fresh copy of the
# checkout, a fresh virtual environment, the README's line "# 1." run exactly as
# written (a plain, non-editable `pip install .`, so the wheel must carry every
# data file), then every seed article must be built: any failed article, any
# traceback or a non-zero exit fails this check. Run by .ci/run after the tests.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/zhkg-cold.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# the first command of the README's "Two commands" block
cmd="$(awk '/^# 1\./{getline; print; exit}' "$repo/README.md")"
[ -n "$cmd" ] || { echo "cold start: no '# 1.' command found in README.md" >&2; exit 1; }

# a fresh copy of the checkout (tracked and untracked-but-not-ignored files)
# (tar reads the list itself: through xargs a long list became two archives in one
# stream, and the copy stopped at the first one's end once the corpus outgrew one call)
(cd "$repo" && git ls-files -co --exclude-standard -z | tar --null -T - -cf - 2>/dev/null) | (mkdir -p "$work/src" && cd "$work/src" && tar -xf -) \
    || { echo "cold start: FAILED: could not copy the checkout into $work/src" >&2; exit 1; }
python3 -m venv "$work/venv"
# shellcheck disable=SC1091
. "$work/venv/bin/activate"
cd "$work/src"
echo "cold start: $cmd" >&2
set +e
bash -c "$cmd" > "$work/build.log" 2>&1
rc=$?
set -e
tail -n 3 "$work/build.log" >&2
if [ "$rc" -ne 0 ] || grep -q "failed:" "$work/build.log" || grep -q "Traceback" "$work/build.log"; then
    echo "cold start: FAILED (exit $rc); the build's output:" >&2
    cat "$work/build.log" >&2
    exit 1
fi
grep -q " 0 failed" "$work/build.log" || { echo "cold start: FAILED: no '0 failed' summary" >&2; exit 1; }
# the installed package is used, not the source folder: run it from elsewhere too
(cd "$work" && kg build "$work/src/seeds" -o "$work/out2" --quiet) || { echo "cold start: FAILED from another folder" >&2; exit 1; }
echo "cold start: passed (README command 1 in a fresh venv, wheel install, all seeds built)" >&2
