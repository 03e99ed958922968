# builds the gold JSON files from the hand-written annotations below
import json, os
G = os.path.join(os.path.dirname(__file__), '..', 'gold')
def R(text, t, number=None, name=None, year=None, date=None):
    return dict(text=text, doc_type=t, number=number, name=name, year=year, date=date)
def write(file, md, arts, cpa, points, refs, notes, chapters=None, targets=None):
    g = {"file": file, "text_source": file + " (the document itself, UTF-8 text from a thuvienphapluat.vn crawl, read in full)",
         "metadata": dict(zip(["number", "type", "date", "issuer", "signer"], md)),
         "structure": {"parts": [], "chapters": chapters or [], "articles": arts,
                       "clauses_per_article": cpa, "points_total": points, "outline": []},
         "references": refs, "targets": targets or [], "notes": notes}
    with open(os.path.join(G, os.path.splitext(file)[0] + '.gold.json'), 'w', encoding='utf-8') as f:
        json.dump(g, f, ensure_ascii=False, indent=2); f.write('\n')

write("rv25_01_nd-cp_02-2021.txt",
      ["02/2021/NĐ-CP", "Nghị định", "2021-01-07", "CHÍNH PHỦ", "Nguyễn Xuân Phúc"],
      [str(i) for i in range(1, 17)],
      {"1": 0, "2": 3, "3": 7, "4": 0, "5": 2, "6": 0, "7": 0, "8": 0, "9": 2, "10": 2, "11": 11,
       "12": 2, "13": 5, "14": 2, "15": 0, "16": 2},
      56,
      [R("Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015", "Luật", name="Tổ chức Chính phủ", year=2015, date="2015-06-19"),
       R("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019", "Luật",
         name="sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương", year=2019, date="2019-11-22"),
       R("Luật Hải quan ngày 23 tháng 6 năm 2014", "Luật", name="Hải quan", year=2014, date="2014-06-23"),
       R("Nghị định số 10/2005/NĐ-CP ngày 31 tháng 01 năm 2005 của Chính phủ", "Nghị định", "10/2005/NĐ-CP", year=2005, date="2005-01-31")],
      ["Layout: thuvienphapluat crawl; first line is the site title 'Nghị định 02/2021/NĐ-CP'; the signature line runs into the appendix title ('TM. CHÍNH PHỦ THỦ TƯỚNG Nguyễn Xuân Phúc PHỤ LỤC MỘT SỐ BIỂU MẪU ...').",
       "Chương I (Điều 1-3), Chương II (Điều 4-13), Chương III (Điều 14-16).",
       "Unnumbered paragraphs inside khoản/điểm (Điều 3 k3, k5, k6; Điều 10 k1 điểm b-đ lists of ranks; Điều 11 'Thân sau:', 'Tay áo:', 'Màu sắc:' labels; Điều 13 k1 điểm đ, k2 điểm b-c) are not khoản or điểm. Điều 5, 9 and 12 start with an unnumbered lead paragraph before khoản 1.",
       "Hard wraps: Điều 10 k2 điểm đ 'thu' / '- đông và lễ phục ...' and Điều 11 k3 điểm b 'Áo thu' / '- đông: ...': the '- đông' lines continue the point, they are not dash items.",
       "Points: Điều 9 2 (a-b); Điều 10 10 (a-đ twice); Điều 11 30 (k1 a-d 4, k2 a-đ 5, k3 a-c 3, k5 a-đ 5, k6 a-b 2, k8 a-b 2, k9 a-b 2, k10 a-c 3, k11 a-d 4); Điều 12 2; Điều 13 12 (k1 a-đ 5, k2 a-c 3, k3 a-d 4) = 56.",
       "The appendix after the signature (Phụ lục with Mẫu số 01-11, a table of forms, the numbered rank lists '1. LÃNH ĐẠO TỔNG CỤC' ... '5. CÔNG CHỨC KHÔNG GIỮ CHỨC VỤ LÃNH ĐẠO' under Mẫu số 02 and 03, and the table of unit codes) has no Điều: its numbered lines are not khoản of Điều 16.",
       "References: 'Nghị định số 02/2021/NĐ-CP' in the appendix title is the document itself; 'khoản 1 Điều này', 'khoản 2 Điều này', 'Phụ lục kèm theo Nghị định này' are internal; 'quy định của pháp luật', 'hệ thống đăng ký tàu thuyền của Bộ Quốc phòng' are vague.",
       "No targets: every figure is a dimension, a colour code, a count of stripes or a plate code set by the decree (e.g. 'chiều rộng 1,40 m', '2000 HP trở lên', 'từ số “37” trở đi'), not a goal."],
      chapters=["I", "II", "III"])

BTC = "của Bộ trưởng Bộ Tài chính"
write("rv25_02_tt-btc_43-2023.txt",
      ["43/2023/TT-BTC", "Thông tư", "2023-06-27", "BỘ TÀI CHÍNH", "Võ Thành Hưng"],
      [str(i) for i in range(1, 10)],
      {"1": 3, "2": 2, "3": 0, "4": 2, "5": 8, "6": 0, "7": 6, "8": 8, "9": 2},
      0,
      [R("Luật Kiểm toán độc lập ngày 29 tháng 3 năm 2011", "Luật", name="Kiểm toán độc lập", year=2011, date="2011-03-29"),
       R("Luật Giá ngày 20 tháng 6 năm 2012", "Luật", name="Giá", year=2012, date="2012-06-20"),
       R("Luật Kế toán ngày 20 tháng 11 năm 2015", "Luật", name="Kế toán", year=2015, date="2015-11-20"),
       R("Luật Phí và lệ phí ngày 25 tháng 11 năm 2015", "Luật", name="Phí và lệ phí", year=2015, date="2015-11-25"),
       R("Luật Quản lý thuế ngày 13 tháng 6 năm 2019", "Luật", name="Quản lý thuế", year=2019, date="2019-06-13"),
       R("Luật Chứng khoán ngày 26 tháng 11 năm 2019", "Luật", name="Chứng khoán", year=2019, date="2019-11-26"),
       R("Luật Cư trú ngày 13 tháng 11 năm 2020", "Luật", name="Cư trú", year=2020, date="2020-11-13"),
       R("Nghị định số 104/2022/NĐ-CP ngày 21 tháng 12 năm 2022 của Chính phủ", "Nghị định", "104/2022/NĐ-CP", year=2022, date="2022-12-21"),
       R("Nghị định số 14/2023/NĐ-CP ngày 20 tháng 4 năm 2023 của Chính phủ", "Nghị định", "14/2023/NĐ-CP", year=2023, date="2023-04-20"),
       R("Thông tư số 46/2014/TT-BTC ngày 16 tháng 4 năm 2014 " + BTC, "Thông tư", "46/2014/TT-BTC", year=2014, date="2014-04-16"),
       R("Thông tư số 197/2015/TT-BTC ngày 03 tháng 12 năm 2015 " + BTC, "Thông tư", "197/2015/TT-BTC", year=2015, date="2015-12-03"),
       R("Thông tư số 152/2016/TT-BTC ngày 17 tháng 10 năm 2016 " + BTC, "Thông tư", "152/2016/TT-BTC", year=2016, date="2016-10-17"),
       R("Thông tư số 229/2016/TT-BTC ngày 11 tháng 11 năm 2016 " + BTC, "Thông tư", "229/2016/TT-BTC", year=2016, date="2016-11-11"),
       R("Thông tư số 91/2017/TT-BTC ngày 31 tháng 8 năm 2017 " + BTC, "Thông tư", "91/2017/TT-BTC", year=2017, date="2017-08-31"),
       R("Thông tư số 97/2020/TT-BTC ngày 16 tháng 11 năm 2020 " + BTC, "Thông tư", "97/2020/TT-BTC", year=2020, date="2020-11-16"),
       R("Thông tư số 80/2021/TT-BTC ngày 29 tháng 9 năm 2021 " + BTC, "Thông tư", "80/2021/TT-BTC", year=2021, date="2021-09-29"),
       R("Nghị định số 126/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ", "Nghị định", "126/2020/NĐ-CP", year=2020, date="2020-10-19"),
       R("Thông tư số 202/2012/TT-BTC ngày 19 tháng 11 năm 2012 " + BTC, "Thông tư", "202/2012/TT-BTC", year=2012, date="2012-11-19"),
       R("Thông tư số 203/2012/TT-BTC ngày 19 tháng 12 năm 2012 " + BTC, "Thông tư", "203/2012/TT-BTC", year=2012, date="2012-12-19"),
       R("Thông tư số 76/2014/TT-BTC ngày 16 tháng 6 năm 2014 " + BTC, "Thông tư", "76/2014/TT-BTC", year=2014, date="2014-06-16"),
       R("Nghị định số 45/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ", "Nghị định", "45/2014/NĐ-CP", year=2014, date="2014-05-15"),
       R("Thông tư số 296/2016/TT-BTC  ngày 15 tháng 11 năm 2016 " + BTC, "Thông tư", "296/2016/TT-BTC", year=2016, date="2016-11-15"),
       R("Thông tư số 297/2016/TT-BTC  ngày 15 tháng 11 năm 2016 " + BTC, "Thông tư", "297/2016/TT-BTC", year=2016, date="2016-11-15"),
       R("Thông tư số 39/2020/TT-BTC ngày 15 tháng 5 năm 2020 " + BTC, "Thông tư", "39/2020/TT-BTC", year=2020, date="2020-05-15"),
       R("Thông tư số 15/2022/TT-BTC ngày 04 tháng 3 năm 2022 " + BTC, "Thông tư", "15/2022/TT-BTC", year=2022, date="2022-03-04"),
       R("Thông tư số 46/2022/TT-BTC ngày 28 tháng 7 năm 2022 " + BTC, "Thông tư", "46/2022/TT-BTC", year=2022, date="2022-07-28")],
      ["Layout: thuvienphapluat crawl; the site title 'Thông tư 43/2023/TT-BTC.' runs into the issuer on line 1 and the date line runs into the title. The crawler repeats the article heading ('Thông tư 43/2023/TT-BTC. Điều 1. Sửa đổi, bổ sung ...') after a blank line before every khoản of Điều 1, 2, 5 and 7; each article is listed once, with all its khoản.",
       "Điều 7 khoản 4, 5 and 6 are written at the end of the previous line, after the closing quote ('... Xã hội.” 4.' / 'Sửa đổi, bổ sung khoản 11 Điều 61 như sau:'): they are khoản of Điều 7. The quoted new 'Điều 84. Sử dụng cơ sở dữ liệu quốc gia về dân cư' of Thông tư 80/2021/TT-BTC is quoted text, not an article; Điều 8 of this circular starts on the same line right after that closing quote ('... về dân cư.\"Điều 8. Bãi bỏ ...').",
       "Điều 3 and Điều 6 have no khoản: the amendment ('“3. Đối với lao động nông thôn: ...”', 'Thay thế cụm từ ...') follows the heading on the same line; the quoted '3.' is not a khoản.",
       "Points: every lettered item (a)-h) of Điều 53 khoản 1, a) b) c) e) of Điều 5 and 11 of Thông tư 91/2017, a.2.2) of Điều 70 ...) is inside quoted amendment text, so points_total is 0.",
       "References: the website's bracketed notes '[Điều này bị bãi bỏ bởi Điểm b Khoản 2 Điều 9 Thông tư 60/2023/TT-BTC có hiệu lực từ ngày 22/10/2023 ...]' inside the Điều 4 heading are editorial annotations, not text of the circular (as in 078_nq-qh_132-2020): Thông tư 60/2023/TT-BTC is NOT listed.",
       "Second mentions not repeated: 'Luật Quản lý thuế' in the Điều 7 heading (= the Căn cứ law), short re-mentions 'Thông tư số 46/2014/TT-BTC', '197/2015', '229/2016', '91/2017', '97/2020'. 'Thông tư này' inside quotes is the amended circular speaking of itself; 'Biểu mức thu này' likewise. Names of programmes inside the subject of a cited circular ('Chương trình mục tiêu quốc gia Phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2030', '... giảm nghèo bền vững giai đoạn 2021-2025') are content of the cited act, not citations. Forms 'Phụ lục số 02a', 'mẫu số 03/BĐS-TNCN' are annexes of the amended circulars, not documents.",
       "No targets: 'tối thiểu 03/05 môn thi' is an entry requirement in quoted amendment text, not a goal."])
