package com.tutordesk.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Fictional names from many languages, each with an ASCII handle for example.org addresses.
 * Family-name-first cultures (Chinese, Vietnamese, Hungarian, Japanese written natively) keep
 * their order.
 */
final class DemoNames {

    /** A person's name as shown, the family name alone (for "… family"), and an email handle. */
    record Person(String displayName, String familyName, String handle) {
    }

    private record Culture(boolean familyFirst, List<String> given, List<String> family) {
    }

    private static final List<Culture> CULTURES = List.of(
            new Culture(false,
                    List.of("Łucja|lucja", "Zofia|zofia", "Wojciech|wojciech", "Agnieszka|agnieszka", "Paweł|pawel"),
                    List.of("Kowalska|kowalska", "Wiśniewski|wisniewski", "Zielińska|zielinska", "Nowak|nowak")),
            new Culture(false,
                    List.of("Σοφία|sofia", "Γιώργος|giorgos", "Ελένη|eleni", "Νίκος|nikos"),
                    List.of("Παπαδοπούλου|papadopoulou", "Νικολάου|nikolaou", "Γεωργίου|georgiou")),
            new Culture(false,
                    List.of("José|jose", "María|maria", "Lucía|lucia", "Mateo|mateo", "Sofía|sofia"),
                    List.of("García|garcia", "Rodríguez|rodriguez", "Martínez|martinez", "López|lopez")),
            new Culture(true,
                    List.of("雷|lei", "娜|na", "伟|wei", "芳|fang", "静|jing"),
                    List.of("李|li", "王|wang", "张|zhang", "刘|liu")),
            new Culture(true,
                    List.of("Thị Mai|mai", "Văn An|an", "Minh Anh|minhanh", "Quốc Bảo|bao"),
                    List.of("Nguyễn|nguyen", "Trần|tran", "Lê|le", "Phạm|pham")),
            new Culture(false,
                    List.of("Aarav|aarav", "Priya|priya", "Ananya|ananya", "Rohan|rohan"),
                    List.of("Sharma|sharma", "Patel|patel", "Iyer|iyer", "Reddy|reddy")),
            new Culture(false,
                    List.of("Olumide|olumide", "Chiamaka|chiamaka", "Tunde|tunde", "Ngozi|ngozi"),
                    List.of("Adeyemi|adeyemi", "Okafor|okafor", "Balogun|balogun")),
            new Culture(false,
                    List.of("Hannah|hannah", "Jürgen|juergen", "Lena|lena", "Lukas|lukas"),
                    List.of("Schmidt|schmidt", "Müller|mueller", "Weiß|weiss", "Schäfer|schaefer")),
            new Culture(false,
                    List.of("Fatima|fatima", "Omar|omar", "Layla|layla", "Yusuf|yusuf"),
                    List.of("Al-Sayed|alsayed", "Haddad|haddad", "Nasser|nasser")),
            new Culture(false,
                    List.of("Mateus|mateus", "Beatriz|beatriz", "João|joao", "Inês|ines"),
                    List.of("Oliveira|oliveira", "Gonçalves|goncalves", "Araújo|araujo")),
            new Culture(false,
                    List.of("Ingrid|ingrid", "Björn|bjorn", "Astrid|astrid", "Sven|sven"),
                    List.of("Johansson|johansson", "Lindqvist|lindqvist", "Åberg|aberg")),
            new Culture(false,
                    List.of("Emily|emily", "James|james", "Olivia|olivia", "Michael|michael", "Grace|grace"),
                    List.of("Johnson|johnson", "Williams|williams", "Brown|brown", "Miller|miller")),
            new Culture(true,
                    List.of("Réka|reka", "Bence|bence", "Dóra|dora"),
                    List.of("Kovács|kovacs", "Szabó|szabo", "Tóth|toth")),
            new Culture(false,
                    List.of("Kenji|kenji", "Yuki|yuki", "Haruto|haruto", "Aiko|aiko"),
                    List.of("Watanabe|watanabe", "Tanaka|tanaka", "Suzuki|suzuki")),
            new Culture(false,
                    List.of("Seo-yeon|seoyeon", "Min-jun|minjun", "Ji-woo|jiwoo"),
                    List.of("Kim|kim", "Park|park", "Choi|choi")),
            new Culture(false,
                    List.of("Siobhán|siobhan", "Aoife|aoife", "Cian|cian"),
                    List.of("O'Connor|oconnor", "Murphy|murphy", "Ní Bhriain|nibhriain")));

    private DemoNames() {
    }

    /** @return a random person of a random culture */
    static Person person(RandomGenerator random) {
        Culture culture = CULTURES.get(random.nextInt(CULTURES.size()));
        return person(random, culture, pick(random, culture.family()));
    }

    /** @return a random member of the family of {@code relative} (same culture, same family name) */
    static Person relative(RandomGenerator random, Person relative) {
        for (Culture culture : CULTURES) {
            for (String family : culture.family()) {
                if (label(family).equals(relative.familyName())) {
                    return person(random, culture, family);
                }
            }
        }
        return person(random);
    }

    private static Person person(RandomGenerator random, Culture culture, String family) {
        String given = pick(random, culture.given());
        String display = culture.familyFirst()
                ? label(family) + (isCjk(family) ? "" : " ") + label(given)
                : label(given) + " " + label(family);
        return new Person(display, label(family), handle(given) + "." + handle(family));
    }

    private static boolean isCjk(String entry) {
        return Character.UnicodeScript.of(entry.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    private static String pick(RandomGenerator random, List<String> entries) {
        return entries.get(random.nextInt(entries.size()));
    }

    private static String label(String entry) {
        return entry.substring(0, entry.indexOf('|'));
    }

    private static String handle(String entry) {
        return entry.substring(entry.indexOf('|') + 1);
    }
}
