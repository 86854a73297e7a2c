/**
 * Views of the security module: choosing one's own password after an invite or reset, "My
 * account", the admins' Logins page, and the navigation gate that keeps a person with a temporary
 * password on the change-password page and tutors without Enhanced Access out of views marked
 * {@link com.tutordesk.security.EnhancedAccessRequired}. The temporary-password dialog is shared
 * with other modules' pages (named interface "ui").
 */
@org.springframework.modulith.NamedInterface("ui")
package com.tutordesk.security.ui;
