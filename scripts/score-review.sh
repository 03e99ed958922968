#!/bin/bash
# Score every review set under corpus/review against its gold, one summary line per set.
# Usage: scripts/score-review.sh SCORE_PY [BINARY]   (BINARY defaults to build/vnlegal)
set -euo pipefail
score=${1:?usage: scripts/score-review.sh SCORE_PY [BINARY]}
bin=${2:-build/vnlegal}
root=$(cd "$(dirname "$0")/.." && pwd)
for set in "$root"/corpus/review/*/; do
  name=$(basename "$set")
  line=$(python3 "$score" --gold "$set/gold" --docs "$set/docs" \
    --cmd "$bin parse --format json" --text-cmd "$bin normalize" 2>&1 | tail -1)
  printf '%-6s %s\n' "$name" "$line"
done
