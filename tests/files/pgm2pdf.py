#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# pgm2pdf.py IN.pgm OUT.pdf DPI: one page holding the image only (no text layer), as a scanner makes.
import sys, zlib
data = open(sys.argv[1], 'rb').read()
parts = data.split(maxsplit=4)
assert parts[0] == b'P5'
width, height, maxval = int(parts[1]), int(parts[2]), int(parts[3])
pixels = parts[4][:width * height]
dpi = float(sys.argv[3])
w_pt, h_pt = width * 72 / dpi, height * 72 / dpi
stream = zlib.compress(pixels, 9)
content = f'q {w_pt:.2f} 0 0 {h_pt:.2f} 0 0 cm /Im0 Do Q'.encode()
objects = [
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w_pt:.2f} {h_pt:.2f}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>'.encode(),
    f'<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length {len(stream)} >>\nstream\n'.encode() + stream + b'\nendstream',
    f'<< /Length {len(content)} >>\nstream\n'.encode() + content + b'\nendstream',
]
out = bytearray(b'%PDF-1.4\n')
offsets = []
for i, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += f'{i} 0 obj\n'.encode() + body + b'\nendobj\n'
xref = len(out)
out += f'xref\n0 {len(objects) + 1}\n0000000000 65535 f \n'.encode()
for off in offsets:
    out += f'{off:010d} 00000 n \n'.encode()
out += f'trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n'.encode()
open(sys.argv[2], 'wb').write(out)
