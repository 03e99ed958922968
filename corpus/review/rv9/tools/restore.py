# Restore the stored text of the TVPL copies: lines holding only a space are NBSP lines
# in the source, and wraps inside a paragraph end with \r\n (corpus/review/rv1/tools/crlf.py,
# with start patterns extended for these documents' bullets, points and annex lines).
# Usage: restore.py RAW_DIR OUT_DIR [NN=stored_length ...]
import importlib.util, re, sys, os
STARTS = re.compile(r'^(Căn cứ|[a-zđ][\).] |Điều ?\d|Điều$|\d+(\.\d+)*\. |[IVX]+\. |- |\+ |\* |QUYẾT NGHỊ|NGHỊ QUYẾT|Nghị quyết này|Sau khi|Xét |Trên cơ sở|<jsontable|\xa0|HỘI ĐỒNG NHÂN DÂN|BIỂU|\(Ban|Ghi chú|\(\d\):|Các đối tượng \d|Đơn vị tính|Đối với cá nhân|Giao |Khi các|Tổng khối lượng|Các địa phương chịu|Hỗ trợ 100%|Hỗ trợ toàn bộ|Các thôn, làng|Cá nhân khi|Hợp tác xã, Liên|Trường hợp khó|Mức phí bảo vệ|Đối tượng chịu phí bảo|Người nộp phí bảo|Cơ quan thuế|Phí bảo vệ môi trường đối với khai|Chi xây dựng|Chi tổng hợp|Thủ trưởng|Nghiệm thu|Chi nhập tin|Tùy theo)')
def load_crlf():
    # rv1's crlf.py, whose restore() reads the module's STARTS (its own
    # command line is not run: argv emptied while loading).
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'rv1', 'tools', 'crlf.py')
    spec = importlib.util.spec_from_file_location('crlf', path)
    mod = importlib.util.module_from_spec(spec)
    argv, sys.argv = sys.argv, sys.argv[:1]
    spec.loader.exec_module(mod)
    sys.argv = argv
    mod.STARTS = STARTS
    return mod.restore
restore = load_crlf()
want = dict(a.split('=') for a in sys.argv[3:])
src, dst = sys.argv[1], sys.argv[2]
for f in sorted(os.listdir(src)):
    t = open(os.path.join(src, f), encoding='utf-8', newline='').read().replace('\r', '')
    t = '\n'.join('\xa0' if l == ' ' else l for l in t.split('\n'))
    r = restore(t)
    key = f.split('_')[1]
    print(f, 'saved', len(r), 'stored', want.get(key))
    open(os.path.join(dst, f), 'w', encoding='utf-8', newline='').write(r)
