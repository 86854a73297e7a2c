package com.tutordesk.people;

/**
 * What a family may correct of its billing contact in the portal at once (issue 18, domain.md
 * "Client portal"); the email changes only through a confirmation link ({@link FamilyContactService}).
 *
 * @param contactName the billing contact's name; required, at most {@link Client#NAME_MAX_LENGTH}
 * @param phone       optional, lenient phone format, at most {@link Client#PHONE_MAX_LENGTH}
 * @param address     optional postal address, at most {@link Client#ADDRESS_MAX_LENGTH}
 */
public record ContactCorrection(String contactName, String phone, String address) {
}
