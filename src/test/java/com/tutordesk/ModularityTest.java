package com.tutordesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature packages are Spring Modulith modules with no cycles and no reach into internals. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(TutordeskApplication.class);

    @Test
    void modules_have_no_cycles_and_use_only_each_others_api() {
        modules.verify();
    }

    @Test
    void module_documentation_is_written_for_developers() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
