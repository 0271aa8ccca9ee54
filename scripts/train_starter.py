"""Write the starter training samples and build the starter models shipped in ``resources/``.

The samples are the team's own wording: short documents composed from phrase lists below (headers
of real-looking issuers and places, the type's heading and number, a summary and body sentences on
a topic of the field of work), with realistic variety — header lines merged as two-column text
extraction does, missing headers, and OCR noise (lost diacritics, 0/O and 1/l confusions, broken
words). Deterministic (fixed seed).

    .venv/bin/python scripts/train_starter.py            # write samples, train, save models
    .venv/bin/python scripts/train_starter.py --train-only  # retrain from the existing samples file
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docmgr.classify.model import TextModel  # noqa: E402
from docmgr.classify.taxonomy import load_taxonomy  # noqa: E402
from docmgr.core.text import fold  # noqa: E402

SAMPLES = ROOT / "resources" / "starter_samples.jsonl"
MODELS = ROOT / "resources" / "starter"
PER_TYPE = 24
SEED = 20260115

ISSUERS = [("ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ", "UBND"), ("ỦY BAN NHÂN DÂN", "PHƯỜNG NINH KIỀU", "UBND"),
           ("ỦY BAN NHÂN DÂN", "XÃ THỚI HƯNG", "UBND"), ("SỞ TƯ PHÁP", "THÀNH PHỐ CẦN THƠ", "STP"),
           ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "", "SNNMT"), ("VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", "CHI NHÁNH CÁI RĂNG", "VPĐKĐĐ"),
           ("CÔNG AN PHƯỜNG TÂN LỘC", "", "CAP"), ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "PHƯỜNG CÁI KHẾ", "TTPVHCC"),
           ("HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ CẦN THƠ", "HĐND"), ("SỞ XÂY DỰNG", "", "SXD"), ("BỘ NỘI VỤ", "", "BNV"),
           ("SỞ TÀI CHÍNH", "THÀNH PHỐ CẦN THƠ", "STC"), ("ỦY BAN NHÂN DÂN", "XÃ PHONG NẪM", "UBND")]
NORMATIVE_ISSUERS = {"ND": [("CHÍNH PHỦ", "CP")], "TT": [("BỘ TƯ PHÁP", "BTP"), ("BỘ TÀI CHÍNH", "BTC"), ("BỘ NỘI VỤ", "BNV"),
                                                         ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "BNNMT"), ("BỘ XÂY DỰNG", "BXD")],
                     "LUAT": [("QUỐC HỘI", "QH15")], "BLUAT": [("QUỐC HỘI", "QH15")], "HP": [("QUỐC HỘI", "QH13")],
                     "PL": [("ỦY BAN THƯỜNG VỤ QUỐC HỘI", "UBTVQH15")], "LENH": [("CHỦ TỊCH NƯỚC", "CTN")],
                     "TTLT": [("BỘ TƯ PHÁP - BỘ NỘI VỤ", "BTP-BNV")],
                     # a normative Quyết định / Nghị quyết is still a Quyết định / Nghị quyết (numbered n/yyyy/…)
                     "NQ": [("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ CẦN THƠ", "HĐND"), ("CHÍNH PHỦ", "CP")],
                     "QD": [("ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ", "UBND"), ("THỦ TƯỚNG CHÍNH PHỦ", "TTg")]}
NORMATIVE_SHARE = 0.4  # of the Quyết định and Nghị quyết samples, the share numbered as normative documents
PLACES = ["Cần Thơ", "Ninh Kiều", "Cái Răng", "Thới Hưng", "Hà Nội", "Sóc Trăng", "Vị Thanh", "Phong Nẫm"]
NAMES = ["Nguyễn Văn Hùng", "Trần Thị Mỹ Linh", "Lê Minh Tâm", "Phạm Thanh Sơn", "Võ Thị Ngọc Hân", "Huỳnh Quốc Bảo",
         "Đặng Văn Phúc", "Trương Thị Kim Ngân", "Lý Hoàng Nam", "Dương Thị Thu Thảo"]
TOPICS = {
    "hanh-chinh": ["công tác cải cách hành chính năm 2026", "kiện toàn tổ chức bộ máy sau sắp xếp đơn vị hành chính",
                   "chế độ báo cáo định kỳ của các phòng chuyên môn", "công tác văn thư, lưu trữ tại cơ quan",
                   "lịch tiếp công dân của lãnh đạo", "phân công nhiệm vụ cán bộ, công chức"],
    "ho-tich": ["đăng ký khai sinh đúng hạn cho trẻ em", "cấp bản sao trích lục hộ tịch", "đăng ký kết hôn tại xã",
                "cải chính hộ tịch, xác định lại dân tộc", "số hóa sổ hộ tịch trên địa bàn"],
    "cu-tru": ["đăng ký thường trú, tạm trú", "cấp thẻ căn cước cho công dân", "cập nhật dữ liệu dân cư",
               "khai báo tạm vắng", "xác nhận thông tin về cư trú"],
    "chung-thuc": ["chứng thực bản sao từ bản chính", "chứng thực chữ ký trong giấy tờ", "chứng thực hợp đồng ủy quyền"],
    "dat-dai": ["cấp giấy chứng nhận quyền sử dụng đất lần đầu", "thu hồi đất để thực hiện dự án", "chuyển mục đích sử dụng đất",
                "giải quyết tranh chấp đất đai", "bảng giá đất năm 2026", "đăng ký biến động đất đai"],
    "xay-dung": ["cấp giấy phép xây dựng nhà ở riêng lẻ", "xử lý công trình xây dựng không phép", "quy hoạch chi tiết khu dân cư",
                 "sửa chữa, cải tạo nhà ở", "trật tự xây dựng trên địa bàn"],
    "kinh-doanh": ["đăng ký hộ kinh doanh", "kiểm tra điều kiện kinh doanh thực phẩm", "hỗ trợ hộ kinh doanh chuyển đổi số",
                   "thay đổi nội dung đăng ký hộ kinh doanh"],
    "khieu-nai-to-cao": ["giải quyết đơn khiếu nại lần đầu", "xử lý đơn tố cáo của công dân", "tiếp công dân định kỳ",
                         "phản ánh, kiến nghị về thủ tục hành chính"],
    "tai-chinh": ["dự toán ngân sách năm 2026", "quyết toán kinh phí hoạt động", "phân bổ kinh phí sự nghiệp",
                  "mua sắm tài sản công"],
    "thue": ["thu thuế sử dụng đất phi nông nghiệp", "quyết toán thuế thu nhập cá nhân", "miễn, giảm tiền thuê đất"],
    "giao-duc": ["tuyển sinh lớp 1 và lớp 6", "miễn giảm học phí cho học sinh", "kế hoạch năm học 2025-2026"],
    "y-te": ["phòng, chống sốt xuất huyết", "tiêm chủng mở rộng cho trẻ em", "bảo hiểm y tế hộ gia đình"],
    "lao-dong": ["chi trả trợ cấp thất nghiệp", "giải quyết việc làm cho người lao động", "chế độ hưu trí, bảo hiểm xã hội"],
    "moi-truong": ["thu gom, xử lý rác thải sinh hoạt", "xử lý ô nhiễm môi trường kênh rạch", "phòng chống sạt lở bờ sông"],
    "giao-thong": ["bảo đảm trật tự an toàn giao thông", "sửa chữa tuyến đường liên xã", "đăng ký phương tiện giao thông"],
    "an-ninh": ["bảo đảm an ninh trật tự dịp Tết", "phòng cháy, chữa cháy khu dân cư", "phòng chống tội phạm ma túy"],
    "dan-su": ["hợp đồng dân sự, thừa kế tài sản", "giám hộ, nhận nuôi con nuôi"],
    "hinh-su": ["xử lý hành vi vi phạm pháp luật hình sự", "thi hành án hình sự tại địa phương"],
    "doanh-nghiep": ["hỗ trợ doanh nghiệp nhỏ và vừa", "đăng ký thành lập doanh nghiệp"],
}
BODY = {
    "NQ": ["Hội đồng nhân dân quyết nghị thông qua", "Nghị quyết này có hiệu lực kể từ ngày được thông qua", "Thường trực Hội đồng nhân dân giám sát việc thực hiện",
           "Hội đồng nhân dân ban hành Nghị quyết quy định", "mức thu phí, lệ phí"],
    "QD": ["Điều 1. Phê duyệt", "Quyết định này có hiệu lực kể từ ngày ký", "Chánh Văn phòng và các cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này", "Xét đề nghị của Trưởng phòng",
           "Ban hành kèm theo Quyết định này Quy định", "Quyết định này thay thế Quyết định số"],
    "CT": ["Chủ tịch Ủy ban nhân dân yêu cầu các sở, ngành thực hiện nghiêm", "chỉ thị các đơn vị tập trung chỉ đạo", "Giám đốc các sở chịu trách nhiệm tổ chức thực hiện Chỉ thị này"],
    "QC": ["Ban hành kèm theo Quyết định", "Quy chế này quy định về phạm vi điều chỉnh, đối tượng áp dụng", "Chương I NHỮNG QUY ĐỊNH CHUNG", "nguyên tắc phối hợp giữa các cơ quan"],
    "QYD": ["Quy định này áp dụng đối với", "Ban hành kèm theo Quyết định số", "trách nhiệm của cơ quan, tổ chức, cá nhân"],
    "TC": ["thông cáo báo chí về kết quả kỳ họp", "Văn phòng trân trọng thông cáo", "kết quả phiên họp thường kỳ"],
    "TB": ["thông báo đến các cơ quan, đơn vị được biết", "Ủy ban nhân dân thông báo", "Thông báo kết luận của Chủ tịch tại cuộc họp", "thời gian tiếp nhận hồ sơ"],
    "HD": ["hướng dẫn thực hiện như sau", "trình tự, thủ tục thực hiện", "Sở hướng dẫn các đơn vị triển khai", "trong quá trình thực hiện nếu có vướng mắc"],
    "CTR": ["chương trình công tác năm", "chương trình hành động thực hiện Nghị quyết", "các nhiệm vụ trọng tâm, lộ trình thực hiện"],
    "KH": ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN", "kế hoạch triển khai", "kinh phí thực hiện kế hoạch", "thời gian thực hiện"],
    "PA": ["phương án tổ chức thực hiện", "phương án bồi thường, hỗ trợ, tái định cư", "phương án phòng chống thiên tai"],
    "DDA": ["đề án phát triển", "sự cần thiết xây dựng đề án", "mục tiêu của đề án đến năm 2030"],
    "DA": ["dự án đầu tư xây dựng", "tổng mức đầu tư dự án", "chủ đầu tư dự án", "tiến độ thực hiện dự án"],
    "BC": ["báo cáo kết quả thực hiện", "I. KẾT QUẢ ĐẠT ĐƯỢC", "II. TỒN TẠI, HẠN CHẾ", "phương hướng nhiệm vụ thời gian tới", "số liệu tính đến ngày"],
    "BB": ["Hôm nay, vào lúc 08 giờ 30 phút", "thành phần tham dự gồm có", "biên bản kết thúc vào lúc", "biên bản được lập thành 02 bản", "đại diện các bên ký tên"],
    "TTR": ["kính trình Ủy ban nhân dân xem xét, quyết định", "tờ trình đề nghị phê duyệt", "căn cứ đề nghị của phòng chuyên môn, kính trình"],
    "HDD": ["Bên A", "Bên B", "Điều khoản thanh toán", "hai bên thống nhất ký kết hợp đồng", "hợp đồng có hiệu lực kể từ ngày ký"],
    "CV": ["Kính gửi", "đề nghị quý cơ quan quan tâm phối hợp", "Ủy ban nhân dân đề nghị các đơn vị", "trân trọng", "phúc đáp công văn số", "báo cáo về Ủy ban nhân dân trước ngày"],
    "CD": ["Chủ tịch Ủy ban nhân dân điện", "công điện khẩn", "yêu cầu các đơn vị khẩn trương triển khai", "ứng phó với bão", "tập trung chỉ đạo quyết liệt"],
    "BGN": ["hai bên cùng ghi nhớ", "bản ghi nhớ hợp tác", "lĩnh vực hợp tác"],
    "BTT": ["các bên thỏa thuận như sau", "thỏa thuận phối hợp", "cam kết thực hiện đúng thỏa thuận"],
    "GUQ": ["người ủy quyền", "người được ủy quyền", "nội dung ủy quyền", "thời hạn ủy quyền"],
    "GM": ["trân trọng kính mời", "thời gian: 08 giờ 00", "địa điểm: Hội trường", "đến dự cuộc họp", "thành phần mời"],
    "GGT": ["trân trọng giới thiệu ông (bà)", "được cử đến liên hệ", "đề nghị quý cơ quan tạo điều kiện", "giấy giới thiệu có giá trị đến hết ngày"],
    "GNP": ["cấp cho ông (bà)", "được nghỉ phép năm", "thời gian nghỉ từ ngày", "nơi nghỉ phép"],
    "PG": ["phiếu gửi văn bản", "nơi gửi", "đề nghị gửi lại phiếu này"],
    "PC": ["phiếu chuyển đơn", "chuyển đến cơ quan có thẩm quyền giải quyết", "đơn của công dân"],
    "PB": ["phiếu báo", "báo để đơn vị biết", "kết quả xử lý"],
    "THU": ["thư chúc mừng", "thân gửi", "nhân dịp năm mới", "thư cảm ơn"],
    "HP": ["Nhân dân Việt Nam", "Hiến pháp này", "chế độ chính trị"],
    "BLUAT": ["Bộ luật này quy định", "Phần thứ nhất", "Bộ luật có hiệu lực thi hành"],
    "LUAT": ["Luật này quy định", "Quốc hội ban hành Luật", "Luật này có hiệu lực thi hành từ ngày", "Chương I QUY ĐỊNH CHUNG", "Điều 2. Đối tượng áp dụng"],
    "PL": ["Pháp lệnh này quy định", "Ủy ban thường vụ Quốc hội ban hành Pháp lệnh", "Pháp lệnh có hiệu lực thi hành"],
    "LENH": ["Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam", "nay công bố", "lệnh công bố luật"],
    "ND": ["Chính phủ ban hành Nghị định", "Nghị định này quy định chi tiết", "Theo đề nghị của Bộ trưởng", "Nghị định này có hiệu lực thi hành kể từ ngày"],
    "TT": ["Bộ trưởng ban hành Thông tư", "Thông tư này hướng dẫn", "Thông tư này có hiệu lực thi hành kể từ ngày", "Theo đề nghị của Vụ trưởng"],
    "TTLT": ["Bộ trưởng Bộ Tư pháp và Bộ trưởng Bộ Nội vụ ban hành Thông tư liên tịch", "Thông tư liên tịch này hướng dẫn"],
    "TK-KS": ["Họ, chữ đệm, tên người yêu cầu", "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây", "Ngày, tháng, năm sinh", "Nơi sinh", "Dân tộc", "Quốc tịch", "Họ, chữ đệm, tên người mẹ"],
    "GKS": ["Họ, chữ đệm và tên", "Ngày, tháng, năm sinh", "Giới tính", "Nơi đăng ký khai sinh", "Số định danh cá nhân"],
    "GCS": ["cơ sở khám bệnh, chữa bệnh", "Họ và tên mẹ", "đã sinh con vào lúc", "cân nặng", "người đỡ đẻ"],
    "TK-KH": ["Họ, chữ đệm, tên bên nữ", "Họ, chữ đệm, tên bên nam", "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật", "tự nguyện kết hôn"],
    "GCNKH": ["Họ, chữ đệm, tên vợ", "Họ, chữ đệm, tên chồng", "Đăng ký ngày", "Chữ ký của vợ", "Chữ ký của chồng"],
    "TK-KT": ["Họ, chữ đệm, tên người chết", "Đã chết vào lúc", "Nguyên nhân chết", "Giấy báo tử số"],
    "GBT": ["đã chết vào lúc", "nguyên nhân chết", "nơi chết", "cơ sở y tế báo tử"],
    "TLKT": ["trích lục khai tử", "đã đăng ký khai tử", "số định danh cá nhân của người chết"],
    "TK-TLHT": ["Đề nghị cấp bản sao trích lục", "số lượng bản sao", "loại việc hộ tịch"],
    "TK-XNHN": ["Đề nghị cấp Giấy xác nhận tình trạng hôn nhân", "mục đích sử dụng", "tình trạng hôn nhân"],
    "GXNHN": ["xác nhận tình trạng hôn nhân", "hiện tại chưa đăng ký kết hôn với ai", "giấy này có giá trị sử dụng 6 tháng"],
    "CCCD": ["Số định danh cá nhân", "Họ, chữ đệm và tên", "Quê quán", "Nơi thường trú", "Có giá trị đến", "SOCIALIST REPUBLIC OF VIET NAM", "CITIZEN IDENTITY CARD"],
    "CT01": ["Thông tin người đề nghị", "Nội dung đề nghị", "Ý kiến của chủ hộ", "Ý kiến của chủ sở hữu chỗ ở hợp pháp", "thay đổi thông tin cư trú"],
    "DDK-DD": ["Mẫu số 15", "Thông tin người sử dụng đất", "Thửa đất số", "Tờ bản đồ số", "Diện tích", "Mục đích sử dụng đất", "Nguồn gốc sử dụng"],
    "DDK-BD": ["Mẫu số 18", "Nội dung biến động", "chuyển nhượng, tặng cho, thừa kế", "Giấy chứng nhận đã cấp", "Thửa đất số", "Tờ bản đồ số"],
    "HD-CN": ["Bên chuyển nhượng", "Bên nhận chuyển nhượng", "quyền sử dụng đất", "giá chuyển nhượng", "công chứng", "Thửa đất số"],
    "GCN-QSDD": ["Người sử dụng đất, chủ sở hữu tài sản gắn liền với đất", "Thửa đất số", "tờ bản đồ số", "Diện tích", "Hình thức sử dụng", "Thời hạn sử dụng", "Sơ đồ thửa đất"],
    "DXGPXD": ["Mẫu số 01", "Thông tin về chủ đầu tư", "Địa điểm xây dựng", "Nội dung đề nghị cấp phép", "Diện tích xây dựng tầng 1", "Tổng diện tích sàn", "Chiều cao công trình", "Số tầng"],
    "GPXD": ["Được phép xây dựng công trình", "Cấp cho", "Chủ đầu tư phải thông báo khởi công", "giấy phép hết hiệu lực khởi công"],
    "BVXD": ["Mặt bằng tầng trệt", "Mặt đứng chính", "Mặt cắt A-A", "tỷ lệ 1/100", "Kiến trúc sư", "Ký hiệu bản vẽ"],
    "GDK-HKD": ["Tên hộ kinh doanh", "Địa chỉ trụ sở hộ kinh doanh", "Ngành, nghề kinh doanh", "Vốn kinh doanh", "Số lượng lao động", "chủ hộ kinh doanh"],
    "DKN": ["Tôi khiếu nại quyết định", "Nội dung khiếu nại", "yêu cầu người giải quyết khiếu nại", "tài liệu, chứng cứ kèm theo"],
    "DTC": ["Tôi tố cáo hành vi vi phạm pháp luật của", "Nội dung tố cáo", "đề nghị cơ quan có thẩm quyền xác minh, xử lý", "cam đoan việc tố cáo là đúng sự thật"],
    "PAKN": ["Tôi xin phản ánh", "kiến nghị cơ quan chức năng", "nội dung phản ánh, kiến nghị", "mong được trả lời"],
    "HDUQ": ["Bên ủy quyền", "Bên được ủy quyền", "phạm vi ủy quyền", "thù lao", "hợp đồng ủy quyền được công chứng"],
    "DDN": ["Tôi làm đơn này đề nghị", "lý do đề nghị", "kính mong quý cơ quan xem xét, giải quyết", "tôi xin chân thành cảm ơn"],
}
TRIAGE = {
    "desk": ["hỏi về thành phần hồ sơ đăng ký khai sinh cần những giấy tờ gì", "hỏi thời hạn trả kết quả hồ sơ đã nộp",
             "đề nghị hướng dẫn cách nộp hồ sơ trực tuyến", "hỏi lệ phí chứng thực bản sao", "hỏi tình trạng giải quyết hồ sơ theo mã hồ sơ",
             "phản ánh cán bộ một cửa hướng dẫn chưa rõ biểu mẫu", "xin lịch làm việc thứ bảy của bộ phận một cửa",
             "đề nghị cấp lại giấy hẹn trả kết quả bị mất"],
    "agency": ["tranh chấp ranh giới thửa đất với hộ liền kề", "khiếu nại quyết định thu hồi đất và bồi thường", "tố cáo cán bộ nhận tiền khi giải quyết hồ sơ",
               "phản ánh cơ sở sản xuất gây ô nhiễm nguồn nước", "công trình xây dựng không phép lấn chiếm hẻm", "kiến nghị sửa đổi mức bồi thường giải phóng mặt bằng",
               "phản ánh hành vi lấn chiếm đất công", "đề nghị xem xét lại kết quả xử phạt vi phạm hành chính"],
}
SECTIONS = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
            "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.", "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, VP."]


def noisy(text: str, rng: random.Random, level: float) -> str:
    """OCR-like damage: lost diacritics on some words, 0/O and 1/l swaps, split words."""
    words = []
    for w in text.split(" "):
        r = rng.random()
        if r < level:
            w = fold(w)
        elif r < level * 1.3:
            w = w.replace("0", "O").replace("1", "l")
        elif r < level * 1.45 and len(w) > 4:
            cut = rng.randrange(2, len(w) - 1)
            w = w[:cut] + " " + w[cut:]
        words.append(w)
    return " ".join(words)


def sample(code: str, t: object, fow: str, rng: random.Random) -> str:
    d = rng.randint(1, 28)
    m = rng.randint(1, 12)
    y = rng.choice([2024, 2025, 2026])
    place = rng.choice(PLACES)
    date_line = f"{place}, ngày {d:02d} tháng {m:02d} năm {y}"
    topic = rng.choice(TOPICS[fow])
    body = rng.sample(BODY[code], k=min(len(BODY[code]), rng.randint(2, 4)))
    category = getattr(t, "category")
    heading = (getattr(t, "headings") or [getattr(t, "name_vi").upper()])[0]
    lines: list[str] = []
    style = rng.random()
    if category.startswith("citizen"):  # citizen paperwork and citizen forms
        lines += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        if style < 0.8:
            lines.append(heading)
        lines += [f"Kính gửi: Ủy ban nhân dân {rng.choice(['phường Ninh Kiều', 'xã Thới Hưng', 'phường Tân Lộc'])}",
                  f"Họ và tên: {rng.choice(NAMES)}", f"Số định danh cá nhân: 0920{rng.randint(10**7, 10**8 - 1)}"]
        lines += [f"{b}: ........" if rng.random() < 0.4 else b for b in body]
        lines.append(f"về việc {topic}" if rng.random() < 0.3 else "")
        lines.append(date_line)
        lines.append("NGƯỜI YÊU CẦU" if rng.random() < 0.5 else "(Ký, ghi rõ họ tên)")
    else:
        if code in NORMATIVE_ISSUERS and (category == "normative" or rng.random() < NORMATIVE_SHARE):
            issuer, sym = rng.choice(NORMATIVE_ISSUERS[code])
            abbr = getattr(t, "abbr")
            number = f"{rng.randint(1, 200):02d}/{y}/" + (f"{abbr}-{sym}" if abbr else sym)
            parent = [issuer]
        else:
            p1, p2, sym = rng.choice(ISSUERS)
            parent = [p1] + ([p2] if p2 else [])
            abbr = getattr(t, "abbr")
            number = f"{rng.randint(1, 3000):02d}/" + (f"{abbr}-{sym}" if abbr else f"{sym}-{rng.choice(['VX', 'KT', 'NC', 'VP', 'TP'])}")
        if style < 0.55:
            lines += parent + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", f"Số: {number}", date_line]
        elif style < 0.75:  # two-column header flattened by text extraction
            lines += [f"{parent[0]} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f"{' '.join(parent[1:])} Độc lập - Tự do - Hạnh phúc",
                      f"Số: {number} {date_line}"]
        if code == "CV":
            lines.append(f"V/v {topic}")
        elif style < 0.9:
            lines += [heading, f"Về việc {topic}" if rng.random() < 0.6 else topic.upper()]
        else:
            lines.append(topic)
        if rng.random() < 0.5 and category != "normative":
            lines += rng.sample(SECTIONS, 2)
        lines += body
        lines += [f"{rng.choice(['TM.', 'KT.', ''])} {rng.choice(['CHỦ TỊCH', 'GIÁM ĐỐC', 'BỘ TRƯỞNG'])}".strip(), rng.choice(NAMES)]
    text = "\n".join(ln for ln in lines if ln)
    level = rng.choice([0.0, 0.0, 0.05, 0.15, 0.3])
    return noisy(text, rng, level) if level else text


def write_samples() -> list[dict[str, str]]:
    tax = load_taxonomy()
    rng = random.Random(SEED)
    rows: list[dict[str, str]] = []
    fows = list(TOPICS)
    for code, t in tax.types.items():
        for _ in range(PER_TYPE):
            fow = t.field_of_work or rng.choice(fows)
            row = {"text": sample(code, t, fow, rng), "type": code, "field_of_work": fow}
            rows.append(row)
    for code in tax.triage_types:
        for label, issues in TRIAGE.items():
            for issue in issues:
                for _ in range(2):
                    name = rng.choice(NAMES)
                    text = (f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n{tax.types[code].headings[0]}\n"
                            f"Kính gửi: Ủy ban nhân dân phường\nTôi tên là {name}, cư trú tại {rng.choice(PLACES)}.\n"
                            f"Nội dung: {issue}.\n{rng.choice(BODY[code])}.")
                    rows.append({"text": noisy(text, rng, rng.choice([0.0, 0.1])), "type": code,
                                 "field_of_work": "khieu-nai-to-cao", "triage": label})
    SAMPLES.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return rows


def train(rows: list[dict[str, str]]) -> None:
    MODELS.mkdir(parents=True, exist_ok=True)
    texts = [r["text"] for r in rows]
    TextModel.train("type", texts, [r["type"] for r in rows], min_df=2, compact=True).save(MODELS / "type.skops")
    TextModel.train("field_of_work", texts, [r["field_of_work"] for r in rows], min_df=2, compact=True).save(MODELS / "field_of_work.skops")
    tri = [r for r in rows if r.get("triage")]
    TextModel.train("triage", [r["text"] for r in tri], [r["triage"] for r in tri], min_df=2, compact=True).save(MODELS / "triage.skops")


def load_samples(path: Path = SAMPLES) -> list[dict[str, str]]:
    """The starter samples (also used to rebuild an incompatible starter model)."""
    return [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train-only", action="store_true")
    a = ap.parse_args()
    rows = load_samples() if a.train_only else write_samples()
    train(rows)
    print(f"{len(rows)} samples → {MODELS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
