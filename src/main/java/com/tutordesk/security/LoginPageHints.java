package com.tutordesk.security;

import java.util.List;

/**
 * Lines the login page may show under the form, e.g. the demo logins of the embedded default run.
 * Only registered in that profile; production has no bean, so nothing is shown.
 */
public interface LoginPageHints {

    /** @param role shown as written, e.g. "Admin"; @param email login; @param password plain demo password */
    record DemoLogin(String role, String email, String password) {
    }

    /** @return the demo logins to show, possibly empty */
    List<DemoLogin> demoLogins();
}
