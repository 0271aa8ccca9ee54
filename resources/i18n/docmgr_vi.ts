<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name />
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="44" />
        <source>docmgr — {0}</source>
        <translation>docmgr — {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="68" />
        <source>Move to trash</source>
        <translation>Chuyển vào thùng rác</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="69" />
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="89" />
        <source>Details</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="90" />
        <source>Rejected files</source>
        <translation>Tệp bị từ chối</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="142" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="143" />
        <source>&amp;Import…</source>
        <translation>&amp;Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="147" />
        <source>Import &amp;folder…</source>
        <translation>Nhập &amp;thư mục…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="151" />
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="156" />
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="161" />
        <source>&amp;Review</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="162" />
        <source>&amp;Next document</source>
        <translation>Văn bản &amp;tiếp theo</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="165" />
        <source>&amp;Previous document</source>
        <translation>Văn bản t&amp;rước</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="168" />
        <source>&amp;Confirm</source>
        <translation>&amp;Xác nhận</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="174" />
        <source>&amp;Search</source>
        <translation>&amp;Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="175" />
        <source>&amp;Find…</source>
        <translation>&amp;Tìm…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="178" />
        <source>Next &amp;hit</source>
        <translation>Chỗ khớp &amp;sau</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="181" />
        <source>Previous h&amp;it</source>
        <translation>Chỗ khớp &amp;trước</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="184" />
        <source>&amp;Save this search…</source>
        <translation>&amp;Lưu tìm kiếm này…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="250" />
        <source>Save this search</source>
        <translation>Lưu tìm kiếm này</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="250" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="304" />
        <source>Confirmed: {0}</source>
        <translation>Đã xác nhận: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="336" />
        <source>{0} document(s) moved to the trash.</source>
        <translation>Đã chuyển {0} văn bản vào thùng rác.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="336" />
        <source>{0} document(s) restored.</source>
        <translation>Đã khôi phục {0} văn bản.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="341" />
        <source>Import files</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="346" />
        <source>Import a folder</source>
        <translation>Nhập một thư mục</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="363" />
        <source>An import is already running.</source>
        <translation>Đang nhập tệp, xin chờ.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="388" />
        <source>Cancelling after the current file…</source>
        <translation>Sẽ dừng sau tệp đang đọc…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="410" />
        <source>Import finished: {0} filed, {1} already in the library, {2} rejected.</source>
        <translation>Nhập xong: {0} tệp đã lưu, {1} tệp đã có trong kho, {2} tệp bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="417" />
        <source>Import cancelled; files already filed stay in the library.</source>
        <translation>Đã hủy nhập; các tệp đã lưu vẫn ở trong kho.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="439" />
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="441" />
        <source>The library and the language change at the next start.</source>
        <translation>Kho lưu trữ và ngôn ngữ sẽ đổi ở lần mở sau.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="25" />
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="27" />
        <source>Rejected: {0}</source>
        <translation>Bị từ chối: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="29" />
        <source>Missing tool: {0}</source>
        <translation>Thiếu công cụ: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="31" />
        <source>Not found: {0}</source>
        <translation>Không tìm thấy: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="33" />
        <source>Library problem: {0}</source>
        <translation>Lỗi kho lưu trữ: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="36" />
        <source>Unexpected error ({0}); details are in the library log.</source>
        <translation>Lỗi không mong đợi ({0}); chi tiết ghi trong nhật ký của kho.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="16" />
        <location filename="../../docmgr/gui/widgets/metadata.py" line="65" />
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="16" />
        <location filename="../../docmgr/gui/widgets/metadata.py" line="17" />
        <source>Number</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="17" />
        <location filename="../../docmgr/gui/widgets/metadata.py" line="18" />
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="17" />
        <location filename="../../docmgr/gui/widgets/metadata.py" line="19" />
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="18" />
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="18" />
        <location filename="../../docmgr/gui/widgets/metadata.py" line="64" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="19" />
        <location filename="../../docmgr/gui/widgets/intake.py" line="64" />
        <location filename="../../docmgr/gui/widgets/metadata.py" line="68" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="22" />
        <source>Inbox</source>
        <translation>Mới nhận</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="23" />
        <source>Needs review</source>
        <translation>Cần duyệt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="24" />
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="25" />
        <source>Trashed</source>
        <translation>Trong thùng rác</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="13" />
        <source>Inbox / needs review</source>
        <translation>Mới nhận / cần duyệt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="14" />
        <source>All documents</source>
        <translation>Tất cả văn bản</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="15" />
        <source>Trash</source>
        <translation>Thùng rác</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="30" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="42" />
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="51" />
        <source>Reading {0} ({1} of {2} files done)</source>
        <translation>Đang đọc {0} (xong {1}/{2} tệp)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="64" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="68" />
        <source>Open quarantine folder</source>
        <translation>Mở thư mục cách ly</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="70" />
        <source>Clear list</source>
        <translation>Xóa danh sách</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="20" />
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="21" />
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="22" />
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="23" />
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="24" />
        <source>ID numbers</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="25" />
        <source>Names</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="52" />
        <source>(choose a type)</source>
        <translation>(chọn loại)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="66" />
        <source>Suggested</source>
        <translation>Gợi ý</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="67" />
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="72" />
        <source>Notes for colleagues</source>
        <translation>Ghi chú cho đồng nghiệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="74" />
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="87" />
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="90" />
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="118" />
        <source>(not classified)</source>
        <translation>(chưa phân loại)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="62" />
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="62" />
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="63" />
        <source>Previous hit (Shift+F3)</source>
        <translation>Chỗ khớp trước (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="63" />
        <source>Next hit (F3)</source>
        <translation>Chỗ khớp sau (F3)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="64" />
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="64" />
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="65" />
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="65" />
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="66" />
        <source>Rotate view</source>
        <translation>Xoay trang</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="268" />
        <source>Page {0} / {1}</source>
        <translation>Trang {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="274" />
        <source>Hit {0} / {1}</source>
        <translation>Chỗ khớp {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../docmgr/app.py" line="63" />
        <source>Scans cannot be read until this is fixed: {0}</source>
        <translation>Chưa đọc được bản quét cho đến khi khắc phục: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="54" />
        <source>Search: type words with or without marks…</source>
        <translation>Tìm: gõ từ có dấu hoặc không dấu…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="56" />
        <source>All types</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="60" />
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="62" />
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="73" />
        <source>Query syntax</source>
        <translation>Cú pháp tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="182" />
        <source>Did you mean: {0}?</source>
        <translation>Có phải bạn muốn tìm: {0}?</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="185" />
        <source>{0} document(s) found</source>
        <translation>Tìm thấy {0} văn bản</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="189" />
        <source>page {0}</source>
        <translation>trang {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="223" />
        <source>Types: {0}</source>
        <translation>Loại: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="227" />
        <source>Years: {0}</source>
        <translation>Năm: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="255" />
        <source>Words: all preferred, with or without marks (giay khai sinh = giấy khai sinh)
"quyền sử dụng đất": a phrase; khai*: a prefix
type:QD  so:2820/QĐ-UBND  issuer:"Ninh Kiều"  file:scan
date:2025  date:01/01/2025..30/06/2025  "năm nay"  "tháng trước"
AND  OR  NOT  -word  ( )</source>
        <translation>Các từ: ưu tiên đủ mọi từ, có dấu hay không dấu đều được (giay khai sinh = giấy khai sinh)
"quyền sử dụng đất": cụm từ liền nhau; khai*: từ bắt đầu bằng "khai"
type:QD  so:2820/QĐ-UBND  issuer:"Ninh Kiều"  file:scan
date:2025  date:01/01/2025..30/06/2025  "năm nay"  "tháng trước"
AND  OR  NOT  -từ  ( )</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="25" />
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="44" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="51" />
        <source>Tesseract languages joined by +, e.g. vie+eng</source>
        <translation>Ngôn ngữ Tesseract nối bằng +, ví dụ vie+eng</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="58" />
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="63" />
        <source>Follow the system</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="68" />
        <source>Library folder</source>
        <translation>Thư mục kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="69" />
        <source>OCR languages</source>
        <translation>Ngôn ngữ OCR</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="70" />
        <source>Review below confidence</source>
        <translation>Cần duyệt khi độ tin cậy dưới</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="71" />
        <source>Watched inbox folder</source>
        <translation>Thư mục nhận tự động</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="72" />
        <source>Search engine</source>
        <translation>Bộ máy tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="73" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="74" />
        <source>The library folder and the language apply at the next start.</source>
        <translation>Thư mục kho và ngôn ngữ có hiệu lực ở lần mở sau.</translation>
    </message>
</context>
</TS>