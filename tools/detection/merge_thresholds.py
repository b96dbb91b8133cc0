"""Merges the tables of several `scaledefense calibrate` runs (one per scaler family) into one."""
import json
import re
import sys

tables = [json.load(open(path)) for path in sys.argv[1:]]
merged = {
    "format": tables[0]["format"],
    "fpr": tables[0]["fpr"],
    "seed": tables[0]["seed"],
    "images": tables[0]["images"] + " (tools/detection/benign_photos.sh: calibration/)",
    "command": "tools/detection/calibrate_shipped.sh: " + "; ".join(re.sub(r" --out \S+", "", t["command"]) for t in tables),
    "entries": [e for t in tables for e in t["entries"]],
}
assert all(t["fpr"] == merged["fpr"] and t["seed"] == merged["seed"] for t in tables)
json.dump(merged, sys.stdout, indent=2)
sys.stdout.write("\n")
