package com.tutordesk.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A student, who belongs to one client (domain.md "Student"). */
@Entity
@Table(name = "students")
public class Student {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int GRADE_MAX_LENGTH = 40;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int NOTES_MAX_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id", nullable = false)
    private Client client;

    @NotBlank
    @Size(max = NAME_MAX_LENGTH)
    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @Size(max = GRADE_MAX_LENGTH)
    @Column(name = "grade_level", length = GRADE_MAX_LENGTH)
    private String gradeLevel;

    @Email
    @Size(max = EMAIL_MAX_LENGTH)
    @Column(length = EMAIL_MAX_LENGTH)
    private String email;

    @Size(max = NOTES_MAX_LENGTH)
    @Column(length = NOTES_MAX_LENGTH)
    private String notes;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Student() {
    }

    public Student(Client client, String name, String gradeLevel, Instant createdAt) {
        this.client = client;
        this.name = name.strip();
        this.gradeLevel = gradeLevel;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Client getClient() {
        return client;
    }

    public String getName() {
        return name;
    }

    public String getGradeLevel() {
        return gradeLevel;
    }

    public String getEmail() {
        return email;
    }

    public String getNotes() {
        return notes;
    }

    public boolean isActive() {
        return active;
    }

    public long getVersion() {
        return version;
    }

    void update(String name, String gradeLevel, String email, String notes) {
        this.name = name;
        this.gradeLevel = gradeLevel;
        this.email = email;
        this.notes = notes;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
