package com.tutordesk.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A tutor (domain.md "Tutor"): name, email, phone, subjects taught, active flag, and an optional
 * Enhanced Access override ({@code null} means "the business default").
 */
@Entity
@Table(name = "tutors")
public class Tutor {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int PHONE_MAX_LENGTH = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = NAME_MAX_LENGTH)
    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @NotBlank
    @Email
    @Size(max = EMAIL_MAX_LENGTH)
    @Column(nullable = false, length = EMAIL_MAX_LENGTH)
    private String email;

    @Size(max = PHONE_MAX_LENGTH)
    @Column(length = PHONE_MAX_LENGTH)
    private String phone;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "enhanced_access")
    private Boolean enhancedAccess;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "tutor_subjects", joinColumns = @JoinColumn(name = "tutor_id"),
            inverseJoinColumns = @JoinColumn(name = "subject_id"))
    private Set<Subject> subjects = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Tutor() {
    }

    public Tutor(String name, String email, String phone, Instant createdAt) {
        this.name = name.strip();
        this.email = email.strip().toLowerCase(java.util.Locale.ROOT);
        this.phone = phone;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isActive() {
        return active;
    }

    /** @return the per-tutor override, or {@code null} when the business default applies */
    public Boolean getEnhancedAccess() {
        return enhancedAccess;
    }

    public Set<Subject> getSubjects() {
        return subjects;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    void update(String name, String email, String phone, Boolean enhancedAccess, Set<Subject> subjects) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.enhancedAccess = enhancedAccess;
        this.subjects.clear();
        this.subjects.addAll(subjects);
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
