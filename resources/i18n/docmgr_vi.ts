<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name />
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="43" />
        <source>docmgr — {0}</source>
        <translation>docmgr — {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="65" />
        <source>Move to trash</source>
        <translation>Chuyển vào thùng rác</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="66" />
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="80" />
        <source>Details</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="81" />
        <source>Rejected files</source>
        <translation>Tệp bị từ chối</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="109" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="110" />
        <source>&amp;Import…</source>
        <translation>&amp;Nhập tệp…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="114" />
        <source>Import &amp;folder…</source>
        <translation>Nhập &amp;thư mục…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="118" />
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="123" />
        <source>&amp;Review</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="124" />
        <source>&amp;Next document</source>
        <translation>Văn bản &amp;tiếp theo</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="127" />
        <source>&amp;Previous document</source>
        <translation>Văn bản t&amp;rước</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="130" />
        <source>&amp;Confirm</source>
        <translation>&amp;Xác nhận</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="206" />
        <source>Confirmed: {0}</source>
        <translation>Đã xác nhận: {0}</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="238" />
        <source>{0} document(s) moved to the trash.</source>
        <translation>Đã chuyển {0} văn bản vào thùng rác.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="238" />
        <source>{0} document(s) restored.</source>
        <translation>Đã khôi phục {0} văn bản.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="243" />
        <source>Import files</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="248" />
        <source>Import a folder</source>
        <translation>Nhập một thư mục</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="265" />
        <source>An import is already running.</source>
        <translation>Đang nhập tệp, xin chờ.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="290" />
        <source>Cancelling after the current file…</source>
        <translation>Sẽ dừng sau tệp đang đọc…</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="312" />
        <source>Import finished: {0} filed, {1} already in the library, {2} rejected.</source>
        <translation>Nhập xong: {0} tệp đã lưu, {1} tệp đã có trong kho, {2} tệp bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/mainwindow.py" line="319" />
        <source>Import cancelled; files already filed stay in the library.</source>
        <translation>Đã hủy nhập; các tệp đã lưu vẫn ở trong kho.</translation>
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
        <location filename="../../docmgr/gui/widgets/metadata.py" line="64" />
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
        <location filename="../../docmgr/gui/widgets/metadata.py" line="63" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/models/documents.py" line="19" />
        <location filename="../../docmgr/gui/widgets/intake.py" line="64" />
        <location filename="../../docmgr/gui/widgets/metadata.py" line="67" />
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
        <location filename="../../docmgr/gui/widgets/navigator.py" line="11" />
        <source>Inbox / needs review</source>
        <translation>Mới nhận / cần duyệt</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="12" />
        <source>All documents</source>
        <translation>Tất cả văn bản</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/navigator.py" line="13" />
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
        <source>Reading {0}</source>
        <translation>Đang đọc {0}</translation>
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
        <location filename="../../docmgr/gui/widgets/metadata.py" line="65" />
        <source>Suggested</source>
        <translation>Gợi ý</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="66" />
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="71" />
        <source>Notes for colleagues</source>
        <translation>Ghi chú cho đồng nghiệp</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="73" />
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="86" />
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="89" />
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/metadata.py" line="116" />
        <source>(not classified)</source>
        <translation>(chưa phân loại)</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="40" />
        <source>◀ Previous</source>
        <translation>◀ Trước</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="41" />
        <source>Next ▶</source>
        <translation>Sau ▶</translation>
    </message>
    <message>
        <location filename="../../docmgr/gui/widgets/viewer.py" line="117" />
        <source>Page {0} / {1}</source>
        <translation>Trang {0} / {1}</translation>
    </message>
    <message>
        <location filename="../../docmgr/app.py" line="60" />
        <source>Scans cannot be read until this is fixed: {0}</source>
        <translation>Chưa đọc được bản quét cho đến khi khắc phục: {0}</translation>
    </message>
</context>
</TS>