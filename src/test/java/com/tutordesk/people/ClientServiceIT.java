package com.tutordesk.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tutordesk.shared.InvalidFieldException;
import com.tutordesk.shared.NotFoundException;
import com.tutordesk.shared.RuleViolationException;
import com.tutordesk.testing.DemoAccounts;
import com.tutordesk.testing.IntegrationTest;
import com.tutordesk.testing.SignIn;
import com.tutordesk.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/** Clients and students: CRUD, uniqueness, deactivate-instead-of-delete, Enhanced-Access scope. */
@IntegrationTest
class ClientServiceIT {

    @Autowired
    ClientService clients;

    @Autowired
    SignIn signIn;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    DemoAccounts demo;

    @BeforeEach
    void setUp() {
        demo = DemoAccounts.read(jdbc);
        signIn.as(demo.adminEmail());
    }

    @AfterEach
    void tearDown() {
        signIn.out();
    }

    static ClientForm family(String name) {
        return new ClientForm(name, "Mei Chen", "mei.chen@example.org", "(718) 555-0100", false, "1 Main St", false);
    }

    private List<ClientRow> search(String term) {
        return clients.list(new ClientService.ListFilter(term, null, null, true), PageRequest.of(0, 50,
                Sort.by("name"))).getContent();
    }

    @Test
    void an_admin_adds_a_family_with_a_guardian_and_students() {
        String name = TestData.unique("Chen family");
        long id = clients.create(family(name));
        ClientDetails client = clients.get(id);
        assertThat(client.form().contactName()).isEqualTo("Mei Chen");
        assertThat(client.addedByTutorId()).isNull();
        assertThat(clients.students(id)).isEmpty();

        long liam = clients.addStudent(id, new StudentForm("Liam Chen", "Grade 9", "", "Loves geometry"));
        clients.addStudent(id, new StudentForm("Ada Chen", "Grade 6", "ada@example.org", null));
        assertThat(clients.students(id)).extracting(StudentRow::name).containsExactly("Ada Chen", "Liam Chen");
        assertThat(clients.students(id)).allMatch(StudentRow::deletable);
        assertThat(search(name)).singleElement().matches(r -> r.students() == 2);
        assertThat(search("liam chen")).extracting(ClientRow::id).contains(id);

        StudentRow row = clients.students(id).stream().filter(s -> s.id() == liam).findFirst().orElseThrow();
        clients.updateStudent(liam, row.version(), new StudentForm("Liam Chen", "Grade 10", null, null));
        assertThat(clients.students(id)).filteredOn(s -> s.id() == liam).singleElement()
                .matches(s -> s.gradeLevel().equals("Grade 10"));
    }

    @Test
    void an_adult_who_pays_for_themself_is_added_as_their_own_student() {
        long id = clients.create(new ClientForm("Grace Park", "Grace Park", "grace@example.org", null, true, null, false));
        assertThat(clients.students(id)).singleElement()
                .matches(s -> s.name().equals("Grace Park") && "grace@example.org".equals(s.email()));
        assertThat(clients.get(id).form().studentPays()).isTrue();
    }

    @Test
    void automatic_payments_cannot_be_switched_on_without_a_card_on_file() {
        assertThatThrownBy(() -> clients.create(new ClientForm(TestData.unique("Cardless"), "Pat", "pat@example.org",
                null, false, null, true))).isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("Automatic payments need a card on file");
        long id = clients.create(family(TestData.unique("Cardless family")));
        assertThatThrownBy(() -> clients.update(id, clients.get(id).version(), new ClientForm("Cardless family", "Mei Chen",
                "mei.chen@example.org", null, false, null, true))).isInstanceOf(InvalidFieldException.class);
        assertThat(clients.get(id).form().autopay()).isFalse();
    }

    @Test
    void fields_are_checked_and_student_names_are_unique_within_a_client() {
        assertThatThrownBy(() -> clients.create(new ClientForm("X", "", "x@example.org", null, false, null, false)))
                .isInstanceOf(InvalidFieldException.class).hasMessage("Billing contact name is required");
        assertThatThrownBy(() -> clients.create(new ClientForm("X", "Y", "y.example.org", null, false, null, false)))
                .hasMessage("Billing contact email must be a valid address such as name@example.org");
        assertThatThrownBy(() -> clients.create(new ClientForm("X", "Y", "y@example.org", null, false,
                "a".repeat(501), false))).hasMessage("Address must be at most 500 characters");
        long id = clients.create(family(TestData.unique("Unique family")));
        clients.addStudent(id, new StudentForm("Noa", null, null, null));
        assertThatThrownBy(() -> clients.addStudent(id, new StudentForm("noa", null, null, null)))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("already has a student named");
        assertThatThrownBy(() -> clients.addStudent(id, new StudentForm("Eli", null, "eli@", null)))
                .hasMessage("Student email must be a valid address such as name@example.org");
    }

    @Test
    void a_client_without_engagements_is_deleted_with_its_students() {
        long id = clients.create(family(TestData.unique("Short family")));
        clients.addStudent(id, new StudentForm("Kim", null, null, null));
        assertThat(clients.deletable(id)).isTrue();
        clients.delete(id);
        assertThatThrownBy(() -> clients.get(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_client_or_student_with_engagements_is_deactivated_never_deleted() {
        long client = data.client(TestData.unique("Kept family"));
        long student = data.student(client, "Kai Kept");
        data.engagement(data.tutor("Kept Tutor"), student, data.subject(), 7000, 4000);
        assertThatThrownBy(() -> clients.delete(client)).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("deactivate the client instead");
        assertThat(clients.students(client)).singleElement().matches(s -> !s.deletable());
        assertThatThrownBy(() -> clients.deleteStudent(student)).hasMessageContaining("deactivate the student instead");
        clients.setActive(client, false);
        clients.setStudentActive(student, false);
        assertThat(clients.get(client).active()).isFalse();
        assertThat(clients.students(client)).singleElement().matches(s -> !s.active());
        assertThat(clients.list(new ClientService.ListFilter(null, null, null, false), PageRequest.of(0, 2000))
                .getContent()).noneMatch(r -> r.id() == client);
    }

    @Test
    void an_edit_over_a_newer_version_is_refused() {
        long id = clients.create(family(TestData.unique("Race family")));
        long read = clients.get(id).version();
        clients.update(id, read, family("Race family A"));
        assertThatThrownBy(() -> clients.update(id, read, family("Race family B")))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    @Test
    void the_autopay_and_id_filters_narrow_the_list() {
        String tag = TestData.unique("Filter");
        long on = clients.create(new ClientForm(tag + " on", "A", "a@example.org", null, false, null, false));
        long off = clients.create(new ClientForm(tag + " off", "B", "b@example.org", null, false, null, false));
        // Autopay needs a card on file (issue 8), which only the card module saves.
        data.giveCard(on);
        clients.update(on, clients.get(on).version(), new ClientForm(tag + " on", "A", "a@example.org", null, false,
                null, true));
        assertThat(clients.list(new ClientService.ListFilter(tag, true, null, false), PageRequest.of(0, 10))
                .getContent()).extracting(ClientRow::id).containsExactly(on);
        assertThat(clients.list(new ClientService.ListFilter(tag, null, List.of(off), false), PageRequest.of(0, 10))
                .getContent()).extracting(ClientRow::id).containsExactly(off);
        assertThat(clients.list(new ClientService.ListFilter(tag, null, List.of(), false), PageRequest.of(0, 10)))
                .isEmpty();
    }

    @Test
    void a_tutor_with_enhanced_access_manages_only_the_clients_they_added() {
        long officeClient = clients.create(family(TestData.unique("Office family")));
        signIn.as(demo.enhancedTutorEmail());
        long own = clients.create(family(TestData.unique("Tutor family")));
        assertThat(clients.get(own).addedByTutorId()).isEqualTo(demo.enhancedTutorId());
        assertThat(clients.list(new ClientService.ListFilter(null, null, null, true), PageRequest.of(0, 500))
                .getContent()).extracting(ClientRow::id).contains(own).doesNotContain(officeClient);
        assertThatThrownBy(() -> clients.get(officeClient)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> clients.addStudent(officeClient, new StudentForm("X", null, null, null)))
                .isInstanceOf(NotFoundException.class);
        clients.addStudent(own, new StudentForm("Own Student", null, null, null));
    }

    @Test
    void a_tutor_without_enhanced_access_manages_no_clients() {
        long officeClient = clients.create(family(TestData.unique("Private family")));
        signIn.as(demo.plainTutorEmail());
        assertThat(clients.mayManageClients()).isFalse();
        assertThatThrownBy(() -> clients.list(new ClientService.ListFilter(null, null, null, false),
                PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clients.create(family("Sneaky"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clients.get(officeClient)).isInstanceOf(NotFoundException.class);
    }
}
