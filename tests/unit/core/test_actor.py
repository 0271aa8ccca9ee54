from docmgr.core.actor import current_actor


def test_the_actor_is_the_environment_override_in_nfc(monkeypatch) -> None:
    monkeypatch.setenv("DOCMGR_USER", "Nguye\u0302\u0303n Va\u0306n A")
    assert current_actor() == "Nguyễn Văn A"


def test_the_actor_falls_back_to_the_os_user(monkeypatch) -> None:
    monkeypatch.delenv("DOCMGR_USER", raising=False)
    monkeypatch.setenv("USER", "thuky")
    monkeypatch.setenv("LOGNAME", "thuky")
    assert current_actor() == "thuky"
