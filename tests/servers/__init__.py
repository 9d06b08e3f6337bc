"""Real servers the tests start on 127.0.0.1 (OpenSSH's sshd, …), shared by the test packages."""
