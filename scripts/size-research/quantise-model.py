# python3 quantise-model.py MODEL.bin OUT.bin [LEVELS=128 | lin:STEP] [PRUNE=0]
# LEVELS: a log codebook of LEVELS magnitudes x sign; lin:STEP: weights rounded to multiples of STEP, stored as
# zigzag varints of w/STEP (lin:1 is lossless).
# Estimates smaller encodings of data/models/ner-<lang>.bin and writes, for accuracy runs, a copy whose
# weights went through a log codebook of LEVELS magnitudes (x sign) and back, after dropping rows whose
# largest |weight| is <= PRUNE (same file format: the engine reads it unchanged).
import sys, gzip, math
def varint(b,i):
    v=0;s=0
    while True:
        x=b[i];i+=1;v|=(x&0x7f)<<s;s+=7
        if not x&0x80: return v,i
def pv(out,d):
    while d>=0x80: out.append(d&0x7f|0x80); d>>=7
    out.append(d)
src, dst = sys.argv[1], sys.argv[2]; MODE = sys.argv[3] if len(sys.argv) > 3 else '128'
LIN = int(MODE[4:]) if MODE.startswith('lin:') else 0
LEVELS = 128 if LIN else int(MODE)
PRUNE = int(sys.argv[4]) if len(sys.argv) > 4 else 0
b=open(src,'rb').read(); i=b.index(0,8)+1; head=b[:i]
n,i=varint(b,i); rows=[]; key=0
for _ in range(n):
    d,i=varint(b,i); key+=d; m=int.from_bytes(b[i:i+2],'little'); i+=2; row=[]
    for t in range(9):
        if m>>t&1: row.append(int.from_bytes(b[i:i+2],'little',signed=True)); i+=2
    if max(abs(w) for w in row) > PRUNE: rows.append((key,m,row))
ws=[abs(w) for _,_,r in rows for w in r]; lo,hi=min(ws),max(ws)
r=(hi/lo)**(1/(LEVELS-1))
def q(w): k=round(math.log(abs(w)/lo)/math.log(r)); return (k if w>0 else k|128)
def dq(c): v=round(lo*r**(c&127)); return -v if c&128 else v
if LIN:
    q = lambda w: round(w / LIN)
    dq = lambda c: c * LIN
err=max(abs(dq(q(w))-w)/abs(w) for _,_,rr in rows for w in rr); aerr=max(abs(dq(q(w))-w) for _,_,rr in rows for w in rr)
keys=bytearray(); masks16=bytearray(); masksv=bytearray(); w16=bytearray(); w8=bytearray(); last=0
for k,m,rr in rows:
    pv(keys,k-last); last=k; masks16+=m.to_bytes(2,'little'); pv(masksv,m)
    for w in rr:
        w16+=w.to_bytes(2,'little',signed=True)
        if LIN: z=q(w); pv(w8, 2*z if z>=0 else -2*z-1)
        else: w8.append(q(w))
g=lambda x: len(gzip.compress(bytes(x),9))
print(f"{src} {MODE}: rows kept {len(rows)}/{n}, |w| in [{lo},{hi}], max error {aerr} absolute, {err:.3f} relative")
for name,parts in [("today: interleaved rows, 2-byte mask, i16", None),
                   ("columns, 2-byte mask, i16", [keys,masks16,w16]),
                   ("columns, varint mask, i16", [keys,masksv,w16]),
                   (f"columns, varint mask, weights {MODE}", [keys,masksv,w8])]:
    data = b[len(head):] if parts is None else b''.join(bytes(p) for p in parts)
    print(f"  {name:45s} raw {len(data):7d}  gzip -9 {g(data):7d}")
out=bytearray(head); pv(out,len(rows)); last=0
for k,m,rr in rows:
    pv(out,k-last); last=k; out+=m.to_bytes(2,'little')
    for w in rr: out+=dq(q(w)).to_bytes(2,'little',signed=True)
open(dst,'wb').write(out)
