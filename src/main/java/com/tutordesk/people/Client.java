package com.tutordesk.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A client: the paying account, often a family (domain.md "Client"). Its billing contact is the
 * parent/guardian or, when {@code studentPays}, the adult student; invoices and session reports go
 * to the billing contact's email, which is therefore required.
 */
@Entity
@Table(name = "clients")
public class Client {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int EMAIL_MAX_LENGTH = 254;
    public static final int PHONE_MAX_LENGTH = 40;
    public static final int ADDRESS_MAX_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = NAME_MAX_LENGTH)
    @Column(nullable = false, length = NAME_MAX_LENGTH)
    private String name;

    @NotBlank
    @Size(max = NAME_MAX_LENGTH)
    @Column(name = "billing_contact_name", nullable = false, length = NAME_MAX_LENGTH)
    private String billingContactName;

    @NotBlank
    @Email
    @Size(max = EMAIL_MAX_LENGTH)
    @Column(name = "billing_contact_email", nullable = false, length = EMAIL_MAX_LENGTH)
    private String billingContactEmail;

    @Size(max = PHONE_MAX_LENGTH)
    @Column(name = "billing_contact_phone", length = PHONE_MAX_LENGTH)
    private String billingContactPhone;

    @Column(name = "student_pays", nullable = false)
    private boolean studentPays;

    @Size(max = ADDRESS_MAX_LENGTH)
    @Column(length = ADDRESS_MAX_LENGTH)
    private String address;

    @Column(nullable = false)
    private boolean autopay;

    @Column(name = "added_by_tutor_id")
    private Long addedByTutorId;

    // The card on file (issue 8): the payment processor's ids and the summary people see; never the number.
    @Column(name = "stripe_customer_id", length = CardOnFile.PROCESSOR_ID_MAX_LENGTH)
    private String stripeCustomerId;

    @Column(name = "stripe_payment_method_id", length = CardOnFile.PROCESSOR_ID_MAX_LENGTH)
    private String stripePaymentMethodId;

    @Column(name = "card_brand", length = CardOnFile.BRAND_MAX_LENGTH)
    private String cardBrand;

    @Column(name = "card_last4", length = 4)
    private String cardLast4;

    @Column(name = "card_exp_month")
    private Integer cardExpMonth;

    @Column(name = "card_exp_year")
    private Integer cardExpYear;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Client() {
    }

    public Client(String name, String billingContactName, String billingContactEmail, Instant createdAt) {
        this.name = name.strip();
        this.billingContactName = billingContactName.strip();
        this.billingContactEmail = billingContactEmail.strip();
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getBillingContactName() {
        return billingContactName;
    }

    public String getBillingContactEmail() {
        return billingContactEmail;
    }

    public String getBillingContactPhone() {
        return billingContactPhone;
    }

    public boolean isStudentPays() {
        return studentPays;
    }

    public String getAddress() {
        return address;
    }

    public boolean isAutopay() {
        return autopay;
    }

    /** @return the Enhanced-Access tutor who added this client, or {@code null} when the office did */
    public Long getAddedByTutorId() {
        return addedByTutorId;
    }

    public boolean isActive() {
        return active;
    }

    /** @return the payment processor's customer id (Stripe "cus_…"), or {@code null} before the first card link */
    public String getStripeCustomerId() {
        return stripeCustomerId;
    }

    /** @return the saved card's payment-method id (Stripe "pm_…"), or {@code null} without a card */
    public String getStripePaymentMethodId() {
        return stripePaymentMethodId;
    }

    /** @return the card on file (brand, last 4, expiry), or {@code null} */
    public CardOnFile getCard() {
        return cardLast4 == null ? null : new CardOnFile(cardBrand, cardLast4, cardExpMonth, cardExpYear);
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    void update(String name, String contactName, String contactEmail, String contactPhone, boolean studentPays,
            String address, boolean autopay) {
        this.name = name;
        this.billingContactName = contactName;
        this.billingContactEmail = contactEmail;
        this.billingContactPhone = contactPhone;
        this.studentPays = studentPays;
        this.address = address;
        this.autopay = autopay;
    }

    /** The family's own correction in the portal (issue 18): only these three details. */
    void correctContact(String contactName, String contactPhone, String address) {
        this.billingContactName = contactName;
        this.billingContactPhone = contactPhone;
        this.address = address;
    }

    /** The billing email, after the family confirmed it from the new address (issue 18). */
    void changeBillingEmail(String email) {
        this.billingContactEmail = email;
    }

    void rememberCustomer(String customerId) {
        this.stripeCustomerId = customerId;
    }

    void saveCard(String customerId, String paymentMethodId, CardOnFile card) {
        this.stripeCustomerId = customerId;
        this.stripePaymentMethodId = paymentMethodId;
        this.cardBrand = card.brand();
        this.cardLast4 = card.last4();
        this.cardExpMonth = card.expMonth();
        this.cardExpYear = card.expYear();
    }

    /** Forgets the card; automatic payments stop with it (they need a card). */
    void removeCard() {
        this.stripePaymentMethodId = null;
        this.cardBrand = null;
        this.cardLast4 = null;
        this.cardExpMonth = null;
        this.cardExpYear = null;
        this.autopay = false;
    }

    void setAutopay(boolean autopay) {
        this.autopay = autopay;
    }

    void setAddedByTutorId(Long tutorId) {
        this.addedByTutorId = tutorId;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
