# python3 make-pack.py LANG OUT [MODEL]: the experimental pack of LANG, in the format engine-only.patch reads:
# "AAPACK1\n", the 2-byte language code, u32 LE file count, then per file: u8 name length, name, u32 LE length,
# bytes. Files: every data/LANG/*.txt but stopwords.txt (the language detector keeps it in the engine) and
# the entity model as "ner.bin" (data/models/ner-LANG.bin, or MODEL).
import sys, glob, os, struct
lang, out = sys.argv[1], sys.argv[2]
model = sys.argv[3] if len(sys.argv) > 3 else f"data/models/ner-{lang}.bin"
files = [(os.path.basename(p), open(p, "rb").read()) for p in sorted(glob.glob(f"data/{lang}/*.txt")) if not p.endswith("stopwords.txt")]
files.append(("ner.bin", open(model, "rb").read()))
b = bytearray(b"AAPACK1\n" + lang.encode() + struct.pack("<I", len(files)))
for name, body in files:
    b += bytes([len(name)]) + name.encode() + struct.pack("<I", len(body)) + body
open(out, "wb").write(b)
