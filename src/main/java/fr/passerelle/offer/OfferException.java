package fr.passerelle.offer;

import fr.passerelle.base.FieldException;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A request about offers that cannot be carried out, with the translation key of the message to show
 * and the form field at fault ({@code null} for the whole request).
 */
public class OfferException extends FieldException {

    public OfferException(@Nullable String field, String messageKey, Object... arguments) {
        super(field, messageKey, arguments);
    }

    /**
     * The message in the reader's language, its states, types, contracts and reasons named there too.
     *
     * @param translation a translation key and its arguments to text, such as {@code component::getTranslation}
     */
    public String message(BiFunction<String, Object[], String> translation) {
        Object[] named = Arrays.stream(arguments()).map(argument -> (Object) switch (argument) {
            case OfferStatus status -> translation.apply(status.translationKey(), new Object[0]);
            case OfferType type -> translation.apply(type.translationKey(), new Object[0]);
            case ContractType contract -> translation.apply(contract.translationKey(), new Object[0]);
            case RejectionReason reason -> translation.apply(reason.translationKey(), new Object[0]);
            default -> argument;
        }).toArray();
        return translation.apply(messageKey(), named);
    }
}
