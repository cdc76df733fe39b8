package io.tikun.intake.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the complaint form and its pages, in English here and in Hebrew in
 * {@code messages/formMsg_he.properties}. Templates read it as {@code {formMsg:...}}.
 */
@MessageBundle(value = "formMsg", locale = "en")
public interface FormMessages {

    @Message("Tikun customer care")
    String brand();

    @Message("Tell us what went wrong")
    String formTitle();

    @Message("We read every complaint. Fill in the form and we will tell you at once what happens next and by when.")
    String formIntro();

    @Message("Fields marked * are required.")
    String requiredNote();

    @Message("Skip to the form")
    String skipToForm();

    @Message("About you")
    String aboutYou();

    @Message("Your complaint")
    String aboutComplaint();

    @Message("Full name")
    String nameLabel();

    @Message("E-mail")
    String emailLabel();

    @Message("We send the confirmation and our answer here.")
    String emailHint();

    @Message("Phone (optional)")
    String phoneLabel();

    @Message("If you would like us to call you. For example 052-1234567.")
    String phoneHint();

    @Message("Subject")
    String subjectLabel();

    @Message("Order or reference number (optional)")
    String referenceLabel();

    @Message("From your invoice, order confirmation or an earlier complaint.")
    String referenceHint();

    @Message("What happened?")
    String textLabel();

    @Message("Up to {max} characters. Tell us what happened, when, and what you expect from us.")
    String textHint(int max);

    @Message("Leave this field empty")
    String honeypotLabel();

    @Message("Send complaint")
    String send();

    @Message("required")
    String requiredMark();

    @Message("There is a problem")
    String errorSummaryTitle();

    @Message("Enter your {field}")
    String required(String field);

    @Message("Enter an e-mail address like name@example.com")
    String invalidEmail();

    @Message("Enter a phone number with digits only, for example 052-1234567")
    String invalidPhone();

    @Message("Use at most {max} characters (you wrote {length})")
    String tooLong(int max, int length);

    @Message("full name")
    String nameNoun();

    @Message("e-mail address")
    String emailNoun();

    @Message("subject")
    String subjectNoun();

    @Message("complaint")
    String textNoun();

    @Message("This form was already sent with other content. Check the details and send it again to file a new complaint.")
    String alreadySent();

    @Message("Order or reference")
    String referenceInBody();

    @Message("Thank you, we have your complaint")
    String receivedTitle();

    @Message("Thank you, we have your message")
    String heldTitle();

    @Message("We will read it and get back to you if needed.")
    String heldText();

    @Message("Your reference")
    String referenceCaption();

    @Message("Please quote it whenever you contact us about this complaint.")
    String referenceAdvice();

    @Message("What happens next")
    String nextTitle();

    @Message("Because of what you describe, our service manager is handling it personally.")
    String nextCritical();

    @Message("A senior member of our team is handling it.")
    String nextHigh();

    @Message("A member of our customer care team will look into it.")
    String nextStandard();

    @Message("You will hear from us by")
    String dueCaption();

    @Message("We have also sent a confirmation to {email}.")
    String confirmationSent(String email);

    @Message("Send another complaint")
    String another();

    @Message("The form could not be sent")
    String refusedTitle();

    @Message("For your security the form expired or was opened in another way than we expected. Nothing was sent. Open a fresh form and try again.")
    String refusedText();

    @Message("The form is too long")
    String tooLargeTitle();

    @Message("Nothing was sent. Shorten the text (at most {max} bytes in total) and try again.")
    String tooLargeText(int max);

    @Message("Page not found")
    String notFoundTitle();

    @Message("This link is not valid. If you sent a complaint, you will find its reference in the confirmation e-mail.")
    String notFoundText();

    @Message("Open a fresh form")
    String freshForm();

    @Message("Is this complaint yours?")
    String confirmTitle();

    @Message("A complaint was sent through our web form with your e-mail address. If you sent it, confirm it and we will see it together with your earlier contacts with us.")
    String confirmText();

    @Message("Yes, I sent this complaint")
    String confirmButton();

    @Message("If you did not send it, close this page: nothing changes.")
    String confirmNotMine();

    @Message("Thank you, the complaint is confirmed")
    String confirmedTitle();

    @Message("We now see it together with your earlier contacts with us.")
    String confirmedText();

    @Message("This link was already used")
    String alreadyConfirmedTitle();

    @Message("The complaint was already confirmed; there is nothing more to do.")
    String alreadyConfirmedText();

    @Message("This link has expired")
    String linkExpiredTitle();

    @Message("For your security, links we send are valid for a limited time. Your reference is in the confirmation e-mail; quote it when you contact us.")
    String linkExpiredText();
}
