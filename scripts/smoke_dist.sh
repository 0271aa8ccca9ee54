#!/usr/bin/env sh
# Run the built app (dist/docmgr) from a folder outside the checkout, without the venv: its version,
# then one scanned page ingested through OCR into a fresh library. Usage: scripts/smoke_dist.sh DIR
set -eu
app=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
env -i PATH=/usr/bin:/bin HOME="$work" QT_QPA_PLATFORM=offscreen OMP_THREAD_LIMIT=1 "$app/docmgr" --version
"$here/.venv/bin/python" - "$work/scan.png" <<'PY'
import sys
from PIL import Image, ImageDraw, ImageFont
img = Image.new("L", (1400, 420), 255)
font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 44)
draw = ImageDraw.Draw(img)
for i, line in enumerate(["ỦY BAN NHÂN DÂN", "QUYẾT ĐỊNH", "Về việc cấp giấy phép xây dựng"]):
    draw.text((60, 60 + 100 * i), line, font=font, fill=0)
img.save(sys.argv[1], dpi=(200, 200))
PY
out=$(env -i PATH=/usr/bin:/bin HOME="$work" QT_QPA_PLATFORM=offscreen OMP_THREAD_LIMIT=1 \
      "$app/docmgr" --library "$work/library" ingest --json "$work/scan.png")
echo "$out"
echo "$out" | grep -q '"status": "filed"'
echo "$out" | grep -q '"text_source": "ocr"'
echo "$out" | grep -q '"type": "Quyết định"'  # the taxonomy and the starter models are inside the app
echo "smoke: the built app started and filed a scan"
