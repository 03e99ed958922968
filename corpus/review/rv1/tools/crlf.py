# Restore the source's mixed line endings: the stored text shows every line break as \n,
# but the source files (TVPL copies) use \r\n for hard wraps inside a paragraph and \n
# between paragraphs. The number of \r per file is known from the stored length.
import re, sys
STARTS = re.compile(r'^(Căn cứ|[a-zđ]\) |Điều \d|\d+(\.\d+)*\. |[IVX]+\. |- |QUYẾT NGHỊ|Nghị quyết này|Sau khi|Xét |Trên cơ sở|NGHỊ QUYẾT|<jsontable|\xa0|HỘI ĐỒNG NHÂN DÂN|DANH MỤC|\(Ban hành|Thường trực|Ủy ban nhân dân tỉnh và|Các cơ quan chịu|Trong những năm|Tuy nhiên|Việc triển khai|Trên cơ sở)')
def restore(t):
    lines = t.split('\n')
    out = []
    for i, l in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        brk = (l in ('\xa0', 'NGHỊ QUYẾT', 'QUYẾT NGHỊ:') or l.startswith('<jsontable') or STARTS.match(nxt) is not None)
        out.append(l + ('\n' if brk else '\r\n'))
    out.append(lines[-1])
    return ''.join(out)
for f in sys.argv[1:]:
    t = open(f, encoding='utf-8', newline='').read().replace('\r', '')
    r = restore(t)
    print(f, r.count('\r'), len(r))
    if '--write' in sys.argv[1:] : pass
