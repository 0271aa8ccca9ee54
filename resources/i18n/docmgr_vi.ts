<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="218"/>
        <source>docmgr — {0}</source>
        <translation>docmgr — {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="232"/>
        <source>Move to trash</source>
        <translation>Chuyển vào thùng rác</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="233"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="234"/>
        <source>Details</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="235"/>
        <source>Rejected files</source>
        <translation>Tệp bị từ chối</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="227"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="219"/>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="219"/>
        <source>Import &amp;folder…</source>
        <translation>Nhập &amp;thư mục…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="220"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="220"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="228"/>
        <source>&amp;Review</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="221"/>
        <source>&amp;Next document</source>
        <translation>Văn bản &amp;tiếp theo</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="221"/>
        <source>&amp;Previous document</source>
        <translation>Văn bản t&amp;rước</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="222"/>
        <source>&amp;Confirm</source>
        <translation>&amp;Xác nhận</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="229"/>
        <source>&amp;Search</source>
        <translation>&amp;Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="222"/>
        <source>&amp;Find…</source>
        <translation>&amp;Tìm…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="223"/>
        <source>Next &amp;hit</source>
        <translation>Chỗ khớp &amp;sau</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="223"/>
        <source>Previous h&amp;it</source>
        <translation>Chỗ khớp &amp;trước</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="224"/>
        <source>&amp;Save this search…</source>
        <translation>&amp;Lưu tìm kiếm này…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="230"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="231"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/counts.py" line="92"/>
        <source>The library holds {0} documents: searches would be faster with the tantivy engine (File › Settings › Search engine; the index is then rebuilt from the catalog).</source>
        <translation>Kho đang có {0} văn bản: tìm kiếm sẽ nhanh hơn với bộ máy tantivy (Tệp › Cài đặt › Bộ máy tìm kiếm; chỉ mục sẽ được dựng lại từ danh mục).</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="327"/>
        <source>Save this search</source>
        <translation>Lưu tìm kiếm này</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="327"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="382"/>
        <source>Confirmed: {0}</source>
        <translation>Đã xác nhận: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="415"/>
        <source>{0} document(s) moved to the trash.</source>
        <translation>Đã chuyển {0} văn bản vào thùng rác.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="415"/>
        <source>{0} document(s) restored.</source>
        <translation>Đã khôi phục {0} văn bản.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="420"/>
        <source>Import files</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="425"/>
        <source>Import a folder</source>
        <translation>Nhập một thư mục</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="442"/>
        <source>An import is already running.</source>
        <translation>Đang nhập tệp, xin chờ.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="467"/>
        <source>Cancelling after the current file…</source>
        <translation>Sẽ dừng sau tệp đang đọc…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="490"/>
        <source>Import finished: {0} filed, {1} already in the library, {2} rejected.</source>
        <translation>Nhập xong: {0} tệp đã lưu, {1} tệp đã có trong kho, {2} tệp bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="497"/>
        <source>Import cancelled; files already filed stay in the library.</source>
        <translation>Đã hủy nhập; các tệp đã lưu vẫn ở trong kho.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="520"/>
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="522"/>
        <source>The library folder changes at the next start.</source>
        <translation>Thư mục kho sẽ đổi ở lần mở sau.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="27"/>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="29"/>
        <source>Rejected: {0}</source>
        <translation>Bị từ chối: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="31"/>
        <source>Missing tool: {0}</source>
        <translation>Thiếu công cụ: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="33"/>
        <source>Not found: {0}</source>
        <translation>Không tìm thấy: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="35"/>
        <source>Library problem: {0}</source>
        <translation>Lỗi kho lưu trữ: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/errors.py" line="38"/>
        <source>Unexpected error ({0}); details are in the library log.</source>
        <translation>Lỗi không mong đợi ({0}); chi tiết ghi trong nhật ký của kho.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="16"/>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="113"/>
        <source>Type</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="16"/>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="17"/>
        <source>Number</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="17"/>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="18"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="17"/>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="19"/>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="18"/>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="18"/>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="113"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="19"/>
        <location filename="../../docmgr/gui/widgets/intake.py" line="93"/>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="113"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="22"/>
        <source>Inbox</source>
        <translation>Mới nhận</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="23"/>
        <source>Needs review</source>
        <translation>Cần duyệt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="24"/>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="25"/>
        <source>Trashed</source>
        <translation>Trong thùng rác</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="25"/>
        <source>Inbox / needs review</source>
        <translation>Mới nhận / cần duyệt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="26"/>
        <source>All documents</source>
        <translation>Tất cả văn bản</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="27"/>
        <source>Document types</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="28"/>
        <source>Years</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="29"/>
        <source>Trash</source>
        <translation>Thùng rác</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="30"/>
        <source>Saved searches</source>
        <translation>Tìm kiếm đã lưu</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="42"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="52"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="61"/>
        <source>Reading {0} ({1} of {2} files done)</source>
        <translation>Đang đọc {0} (xong {1}/{2} tệp)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="93"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="94"/>
        <source>Open quarantine folder</source>
        <translation>Mở thư mục cách ly</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/intake.py" line="95"/>
        <source>Clear list</source>
        <translation>Xóa danh sách</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="20"/>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="21"/>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="22"/>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="23"/>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="24"/>
        <source>ID numbers</source>
        <translation>Số giấy tờ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="25"/>
        <source>Names</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="31"/>
        <source>heading &apos;{line}&apos; under the national motto</source>
        <translation>tiêu đề &apos;{line}&apos; dưới quốc hiệu, tiêu ngữ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="32"/>
        <source>heading &apos;{line}&apos; at the head of the page</source>
        <translation>tiêu đề &apos;{line}&apos; ở đầu trang</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="33"/>
        <source>title line &apos;{line}&apos;</source>
        <translation>dòng tên văn bản &apos;{line}&apos;</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="34"/>
        <source>abbreviation {abbr} in &apos;{number}&apos;</source>
        <translation>chữ viết tắt {abbr} trong &apos;{number}&apos;</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="35"/>
        <source>number of a law in &apos;{number}&apos;</source>
        <translation>số hiệu của luật trong &apos;{number}&apos;</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="36"/>
        <source>no type abbreviation in &apos;{number}&apos; (a Công văn&apos;s symbol)</source>
        <translation>không có chữ viết tắt loại văn bản trong &apos;{number}&apos; (ký hiệu của công văn)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="37"/>
        <source>&apos;V/v&apos; summary line: {line}</source>
        <translation>dòng trích yếu &apos;V/v&apos;: {line}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="38"/>
        <source>no heading, number or known words</source>
        <translation>không có tiêu đề, số hiệu hay từ quen thuộc</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="39"/>
        <source>only {count} known word(s): low confidence</source>
        <translation>chỉ có {count} từ quen thuộc: độ tin cậy thấp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="40"/>
        <source>terms: {terms}</source>
        <translation>từ khóa: {terms}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="116"/>
        <source>(choose a type)</source>
        <translation>(chọn loại)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="113"/>
        <source>Suggested</source>
        <translation>Gợi ý</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="113"/>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="117"/>
        <source>Notes for colleagues</source>
        <translation>Ghi chú cho đồng nghiệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="118"/>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="119"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="120"/>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="159"/>
        <source>(not classified)</source>
        <translation>(chưa phân loại)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="264"/>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="264"/>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="265"/>
        <source>Previous hit (Shift+F3)</source>
        <translation>Chỗ khớp trước (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="265"/>
        <source>Next hit (F3)</source>
        <translation>Chỗ khớp sau (F3)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="266"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="266"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="267"/>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="267"/>
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="268"/>
        <source>Rotate view</source>
        <translation>Xoay trang</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="281"/>
        <source>Page {0} / {1}</source>
        <translation>Trang {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="287"/>
        <source>Hit {0} / {1}</source>
        <translation>Chỗ khớp {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../docmgr/app.py" line="63"/>
        <source>Scans cannot be read until this is fixed: {0}</source>
        <translation>Chưa đọc được bản quét cho đến khi khắc phục: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="126"/>
        <source>Search: type words with or without marks…</source>
        <translation>Tìm, có dấu hoặc không…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="127"/>
        <source>All types</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="128"/>
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="129"/>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="133"/>
        <source>Query syntax</source>
        <translation>Cú pháp tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="247"/>
        <source>Did you mean: {0}?</source>
        <translation>Có phải bạn muốn tìm: {0}?</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="250"/>
        <source>{0} document(s) found</source>
        <translation>Tìm thấy {0} văn bản</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="254"/>
        <source>page {0}</source>
        <translation>trang {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="271"/>
        <source>Types: {0}</source>
        <translation>Loại: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="275"/>
        <source>Years: {0}</source>
        <translation>Năm: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/search.py" line="303"/>
        <source>Words: all preferred, with or without marks (giay khai sinh = giấy khai sinh)
&quot;quyền sử dụng đất&quot;: a phrase; khai*: a prefix
type:QD  so:2820/QĐ-UBND  issuer:&quot;Ninh Kiều&quot;  file:scan
date:2025  date:01/01/2025..30/06/2025  &quot;năm nay&quot;  &quot;tháng trước&quot;
AND  OR  NOT  -word  ( )</source>
        <translation>Các từ: ưu tiên đủ mọi từ, có dấu hay không dấu đều được (giay khai sinh = giấy khai sinh)
&quot;quyền sử dụng đất&quot;: cụm từ liền nhau; khai*: từ bắt đầu bằng &quot;khai&quot;
type:QD  so:2820/QĐ-UBND  issuer:&quot;Ninh Kiều&quot;  file:scan
date:2025  date:01/01/2025..30/06/2025  &quot;năm nay&quot;  &quot;tháng trước&quot;
AND  OR  NOT  -từ  ( )</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="25"/>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="44"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="52"/>
        <source>Tesseract languages joined by +, e.g. vie+eng</source>
        <translation>Ngôn ngữ Tesseract nối bằng +, ví dụ vie+eng</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="59"/>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="64"/>
        <source>Follow the system</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="69"/>
        <source>Library folder</source>
        <translation>Thư mục kho lưu trữ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="70"/>
        <source>OCR languages</source>
        <translation>Ngôn ngữ OCR</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="71"/>
        <source>Review below confidence</source>
        <translation>Cần duyệt khi độ tin cậy dưới</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="72"/>
        <source>Watched inbox folder</source>
        <translation>Thư mục nhận tự động</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="73"/>
        <source>Search engine</source>
        <translation>Bộ máy tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="74"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/settings.py" line="75"/>
        <source>The library folder applies at the next start.</source>
        <translation>Thư mục kho có hiệu lực ở lần mở sau.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="17"/>
        <source>empty file (0 bytes)</source>
        <translation>tệp rỗng (0 byte)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="18"/>
        <source>no such file</source>
        <translation>không có tệp này</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="19"/>
        <source>not a regular file</source>
        <translation>không phải tệp thông thường</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="20"/>
        <source>cannot read the file (permission denied)</source>
        <translation>không đọc được tệp (không có quyền)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="21"/>
        <source>cannot read the file ({0})</source>
        <translation>không đọc được tệp ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="23"/>
        <source>unsupported file type (not a PDF, image, .docx or text file)</source>
        <translation>loại tệp không hỗ trợ (không phải PDF, ảnh, .docx hay tệp văn bản)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="24"/>
        <source>unsupported file type (a ZIP archive)</source>
        <translation>loại tệp không hỗ trợ (tệp nén ZIP)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="25"/>
        <source>unsupported office file (only Word .docx is read)</source>
        <translation>tệp văn phòng không hỗ trợ (chỉ đọc Word .docx)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="27"/>
        <source>unsupported office file (only Word, Excel, OpenDocument text and spreadsheets are read)</source>
        <translation>tệp văn phòng không hỗ trợ (chỉ đọc Word, Excel, văn bản và bảng tính OpenDocument)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="29"/>
        <source>LibreOffice is needed to read {0} files: install it from https://www.libreoffice.org/download</source>
        <translation>cần LibreOffice để đọc tệp {0}: hãy cài đặt từ https://www.libreoffice.org/download</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="31"/>
        <source>LibreOffice could not read this {0} file</source>
        <translation>LibreOffice không đọc được tệp {0} này</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="26"/>
        <source>damaged PDF ({0})</source>
        <translation>PDF bị hỏng ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="27"/>
        <source>damaged image ({0})</source>
        <translation>ảnh bị hỏng ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="28"/>
        <source>damaged Word file ({0})</source>
        <translation>tệp Word bị hỏng ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="29"/>
        <source>damaged ZIP/office file ({0})</source>
        <translation>tệp ZIP/văn phòng bị hỏng ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="30"/>
        <source>damaged content ({0})</source>
        <translation>nội dung bị hỏng ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="31"/>
        <source>not a readable image</source>
        <translation>không phải ảnh đọc được</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="32"/>
        <source>image has no pixels</source>
        <translation>ảnh không có điểm ảnh nào</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="33"/>
        <source>encrypted PDF: wrong password</source>
        <translation>PDF có mật khẩu: sai mật khẩu</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="34"/>
        <source>encrypted PDF: it needs a password</source>
        <translation>PDF có mật khẩu: cần mật khẩu để mở</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="35"/>
        <source>PDF has no pages</source>
        <translation>PDF không có trang nào</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="36"/>
        <source>too many pages ({0} &gt; {1})</source>
        <translation>quá nhiều trang ({0} &gt; {1})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="37"/>
        <source>text file too large ({0} MiB)</source>
        <translation>tệp văn bản quá lớn ({0} MiB)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="38"/>
        <source>text file is not valid {0}</source>
        <translation>tệp văn bản không đúng mã {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="39"/>
        <source>text file in an unknown encoding (not UTF-8, UTF-16 or Windows-1258)</source>
        <translation>tệp văn bản có bảng mã lạ (không phải UTF-8, UTF-16 hay Windows-1258)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="40"/>
        <source>the PDF reader crashed on this file</source>
        <translation>trình đọc PDF bị lỗi với tệp này</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="41"/>
        <source>the OCR worker crashed</source>
        <translation>tiến trình OCR bị lỗi</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="42"/>
        <source>tesseract failed ({0})</source>
        <translation>tesseract bị lỗi ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="43"/>
        <source>unreadable image ({0})</source>
        <translation>ảnh không đọc được ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="44"/>
        <source>cannot open the PDF ({0})</source>
        <translation>không mở được PDF ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="45"/>
        <source>cannot render the PDF page ({0})</source>
        <translation>không vẽ được trang PDF ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="46"/>
        <source>cannot prepare the image ({0})</source>
        <translation>không xử lý được ảnh ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="47"/>
        <source>embedded image too large ({0})</source>
        <translation>ảnh nhúng quá lớn ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="48"/>
        <source>image too large ({0})</source>
        <translation>ảnh quá lớn ({0})</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/causes.py" line="62"/>
        <source>page {0}: {1}</source>
        <translation>trang {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/empty_hint.py" line="31"/>
        <source>No documents here.
Drop files or folders on this window, or use File › Import…</source>
        <translation>Chưa có văn bản nào ở đây.
Kéo thả tệp hoặc thư mục vào cửa sổ này, hoặc chọn Tệp › Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="1"/>
        <source>§ normative</source>
        <translation>§ QPPL</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="1"/>
        <source>Normative documents (QPPL)</source>
        <translation>Văn bản QPPL</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="1"/>
        <source>A legal normative document (văn bản quy phạm pháp luật)</source>
        <translation>Văn bản quy phạm pháp luật</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="1"/>
        <source>Read on page {0}, line {1}: {2}</source>
        <translation>Đọc ở trang {0}, dòng {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="1"/>
        <source>fits no type: no heading or number, and the words alone are not enough</source>
        <translation>không khớp loại nào: không có tiêu đề hay số, chỉ từ ngữ thì chưa đủ</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="1"/>
        <source>no title, a symbol without a type abbreviation, then &apos;Kính gửi:&apos; (a Công văn)</source>
        <translation>không có tiêu đề, ký hiệu không có chữ viết tắt loại văn bản, rồi &apos;Kính gửi:&apos; (công văn)</translation>
    </message>
</context>
<context>
    <name>dossiers</name>
    <message>
        <source>The answer given (feedback)</source>
        <translation>Nội dung trả lời (phản ánh, kiến nghị)</translation>
    </message>
    <message>
        <source>Record answer</source>
        <translation>Ghi nhận trả lời</translation>
    </message>
    <message>
        <source>not routed yet</source>
        <translation>chưa phân luồng</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Phân luồng</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Trả lời</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> ngày làm việc</translation>
    </message>
    <message>
        <source>A citizen's question, e.g. sang tên sổ đỏ cần gì</source>
        <translation>Câu hỏi của người dân, ví dụ: sang tên sổ đỏ cần gì</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Attach selected documents</source>
        <translation>Đính kèm tài liệu đang chọn</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Chuyển trạng thái</translation>
    </message>
    <message>
        <source>Checklist PDF…</source>
        <translation>Danh mục giấy tờ (PDF)…</translation>
    </message>
    <message>
        <source>Choose a dossier, or make a new one.</source>
        <translation>Chọn một hồ sơ, hoặc tiếp nhận hồ sơ mới.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Sắp đến hạn</translation>
    </message>
    <message>
        <source>Find by code, name, ID number or phone</source>
        <translation>Tìm theo mã, họ tên, số định danh hoặc điện thoại</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <source>New dossier</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>New dossier…</source>
        <translation>Tiếp nhận hồ sơ mới…</translation>
    </message>
    <message>
        <source>No procedure matches; try other words.</source>
        <translation>Không tìm thấy thủ tục phù hợp; hãy thử từ khác.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Đang mở</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Papers (drop documents or files here):</source>
        <translation>Thành phần hồ sơ (kéo thả tài liệu hoặc tệp vào đây):</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>In giấy tiếp nhận…</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <source>Save checklist</source>
        <translation>Lưu danh mục giấy tờ</translation>
    </message>
    <message>
        <source>Save receipt PDF…</source>
        <translation>Lưu giấy tiếp nhận (PDF)…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Supplement request…</source>
        <translation>Phiếu yêu cầu bổ sung…</translation>
    </message>
    <message>
        <source>Tracking sheet…</source>
        <translation>Phiếu kiểm soát…</translation>
    </message>
    <message>
        <source>Which procedure? (with or without marks)</source>
        <translation>Thủ tục nào? (gõ có dấu hoặc không dấu)</translation>
    </message>
    <message>
        <source>old (quận/huyện) or 2025 unit names</source>
        <translation>tên đơn vị cũ (quận/huyện) hoặc tên mới từ 2025</translation>
    </message>
    <message>
        <source>{0} selected document(s) will be attached.</source>
        <translation>Sẽ đính kèm {0} tài liệu đang chọn.</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>Nơi giải quyết</translation>
    </message>
    <message>
        <source>What to bring</source>
        <translation>Giấy tờ cần mang theo</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>thừa</translation>
    </message>
</context>
<context>
    <name></name>
    <message>
        <source>&amp;Dossiers</source>
        <translation>&amp;Hồ sơ</translation>
    </message>
    <message>
        <source>Dossier desk…</source>
        <translation>Bàn tiếp nhận hồ sơ…</translation>
    </message>
</context>
</TS>
