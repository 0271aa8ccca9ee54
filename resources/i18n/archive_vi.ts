<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>archive</name>
    <message>
        <source>Incoming register</source>
        <translation>Sổ văn bản đến</translation>
    </message>
    <message>
        <source>Disposal</source>
        <translation>Tiêu hủy</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Thống kê</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Người dùng và vai trò</translation>
    </message>
    <message>
        <source>Archive — {0}</source>
        <translation>Lưu trữ — {0}</translation>
    </message>
    <message>
        <source>Reason (required), e.g. the disposal council's decision</source>
        <translation>Lý do (bắt buộc), ví dụ quyết định của hội đồng xác định giá trị tài liệu</translation>
    </message>
    <message>
        <source>Personal-data deletion request</source>
        <translation>Yêu cầu xóa dữ liệu cá nhân</translation>
    </message>
    <message>
        <source>Approve and destroy the checked records</source>
        <translation>Duyệt và hủy các hồ sơ đã chọn</translation>
    </message>
    <message>
        <source>Put on legal hold</source>
        <translation>Tạm giữ (không hủy)</translation>
    </message>
    <message>
        <source>Release hold</source>
        <translation>Bỏ tạm giữ</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Thời hạn lưu trữ</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>Lưu đến</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Tạm giữ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>{0} record(s) destroyed; tombstones kept.</source>
        <translation>Đã hủy {0} hồ sơ; giữ lại biên bản hủy.</translation>
    </message>
    <message>
        <source>legal hold</source>
        <translation>tạm giữ</translation>
    </message>
    <message>
        <source>{0} record(s) updated.</source>
        <translation>Đã cập nhật {0} hồ sơ.</translation>
    </message>
    <message>
        <source>Acting user: {0} ({1}). Only an archivist approves a destruction.</source>
        <translation>Người dùng: {0} ({1}). Chỉ người làm lưu trữ được duyệt hủy.</translation>
    </message>
    <message>
        <source>not a user of this library</source>
        <translation>chưa là người dùng của kho này</translation>
    </message>
    <message>
        <source>{0} records due for review</source>
        <translation>{0} hồ sơ hết thời hạn lưu trữ cần xem xét</translation>
    </message>
    <message>
        <source>Destroy records</source>
        <translation>Hủy hồ sơ</translation>
    </message>
    <message>
        <source>held</source>
        <translation>đang giữ</translation>
    </message>
    <message>
        <source>Destroy {0} record(s) for good? Their originals are deleted; a tombstone remains.</source>
        <translation>Hủy vĩnh viễn {0} hồ sơ? Bản gốc sẽ bị xóa; biên bản hủy được giữ lại.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tất cả</translation>
    </message>
    <message>
        <source>or a dossier code</source>
        <translation>hoặc mã hồ sơ</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Document #</source>
        <translation>Văn bản số</translation>
    </message>
    <message>
        <source>Audit chain verified: no entry edited, deleted or re-ordered.</source>
        <translation>Nhật ký kiểm tra toàn vẹn: không mục nào bị sửa, xóa hay đảo thứ tự.</translation>
    </message>
    <message>
        <source>Audit chain broken: {0}</source>
        <translation>Nhật ký bị can thiệp: {0}</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Lưu trữ</translation>
    </message>
    <message>
        <source>Back up the library</source>
        <translation>Sao lưu kho</translation>
    </message>
    <message>
        <source>Incoming &amp;register…</source>
        <translation>&amp;Sổ văn bản đến…</translation>
    </message>
    <message>
        <source>&amp;Enter the selected document in the register</source>
        <translation>Vào &amp;sổ văn bản đang chọn</translation>
    </message>
    <message>
        <source>&amp;History of the selected document…</source>
        <translation>Lịch &amp;sử của văn bản đang chọn…</translation>
    </message>
    <message>
        <source>&amp;Disposal list…</source>
        <translation>Danh sách &amp;tiêu hủy…</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>&amp;Thống kê…</translation>
    </message>
    <message>
        <source>&amp;Users and roles…</source>
        <translation>&amp;Người dùng và vai trò…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>Sao &amp;lưu ngay…</translation>
    </message>
    <message>
        <source>Backup written: {0}</source>
        <translation>Đã sao lưu: {0}</translation>
    </message>
    <message>
        <source>Incoming documents (den)</source>
        <translation>Sổ văn bản đến (den)</translation>
    </message>
    <message>
        <source>Secret documents (mat)</source>
        <translation>Sổ văn bản mật đến (mat)</translation>
    </message>
    <message>
        <source>Unit or person it goes to (7)</source>
        <translation>Đơn vị hoặc người nhận (7)</translation>
    </message>
    <message>
        <source>Enter in the register</source>
        <translation>Vào sổ</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>Xuất sổ</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Sổ</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Document #{0} entered as number {1}.</source>
        <translation>Văn bản #{0} đã vào sổ, số đến {1}.</translation>
    </message>
    <message>
        <source>Document #{0} was already entered, as number {1}.</source>
        <translation>Văn bản #{0} đã có trong sổ, số đến {1}.</translation>
    </message>
    <message>
        <source>{0} entries</source>
        <translation>{0} văn bản</translation>
    </message>
    <message>
        <source>Export {0}…</source>
        <translation>Xuất {0}…</translation>
    </message>
    <message>
        <source>Written: {0}</source>
        <translation>Đã ghi: {0}</translation>
    </message>
    <message>
        <source>Export CSV/XLSX…</source>
        <translation>Xuất CSV/XLSX…</translation>
    </message>
    <message>
        <source>Incoming documents by issuer</source>
        <translation>Văn bản đến theo cơ quan ban hành</translation>
    </message>
    <message>
        <source>Export the figures</source>
        <translation>Xuất số liệu</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Feedback by category</source>
        <translation>Phản ánh, kiến nghị theo loại</translation>
    </message>
    <message>
        <source>Incoming documents by field of work</source>
        <translation>Văn bản đến theo lĩnh vực</translation>
    </message>
    <message>
        <source>Incoming documents per month</source>
        <translation>Văn bản đến theo tháng</translation>
    </message>
    <message>
        <source>Dossiers per month of receipt</source>
        <translation>Hồ sơ theo tháng tiếp nhận</translation>
    </message>
    <message>
        <source>received</source>
        <translation>tiếp nhận</translation>
    </message>
    <message>
        <source>on-time rate</source>
        <translation>tỷ lệ đúng hạn</translation>
    </message>
    <message>
        <source>{0} incoming documents; dossiers: {1} received, {2} resolved, on time {3}, {4} overdue now</source>
        <translation>{0} văn bản đến; hồ sơ: {1} tiếp nhận, {2} đã giải quyết, đúng hạn {3}, {4} đang quá hạn</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>đã giải quyết</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>quá hạn</translation>
    </message>
    <message>
        <source>Roles keep honest people from mistakes and name who did what. They are not a security boundary: an administrator of this PC can change the library's files directly.</source>
        <translation>Vai trò giúp tránh thao tác nhầm và ghi rõ ai làm gì. Vai trò không phải là hàng rào bảo mật: quản trị viên của máy tính này vẫn có thể sửa trực tiếp các tệp của kho.</translation>
    </message>
    <message>
        <source>user name (as the OS user)</source>
        <translation>tên người dùng (như tên đăng nhập máy)</translation>
    </message>
    <message>
        <source>password (optional)</source>
        <translation>mật khẩu (không bắt buộc)</translation>
    </message>
    <message>
        <source>Add or change role</source>
        <translation>Thêm hoặc đổi vai trò</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Đăng nhập…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Acting user: {0} — {1}</source>
        <translation>Người dùng: {0} — {1}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>{0} is now: {1}</source>
        <translation>{0} nay là: {1}</translation>
    </message>
    <message>
        <source>Signed in as {0}.</source>
        <translation>Đã đăng nhập: {0}.</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>văn thư</translation>
    </message>
    <message>
        <source>archivist</source>
        <translation>lưu trữ</translation>
    </message>
    <message>
        <source>leader</source>
        <translation>lãnh đạo</translation>
    </message>
</context>
</TS>
