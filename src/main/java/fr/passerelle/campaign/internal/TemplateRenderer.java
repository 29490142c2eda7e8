package fr.passerelle.campaign.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import fr.passerelle.base.Translations;
import fr.passerelle.campaign.MergeField;
import fr.passerelle.campaign.MergeValues;
import fr.passerelle.campaign.RenderedMessage;
import fr.passerelle.campaign.SenderIdentity;
import fr.passerelle.campaign.TemplateContent;
import fr.passerelle.campaign.TemplateWarning;
import fr.passerelle.campaign.TemplateWarning.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders templates with JMustache, logic-less and escaping HTML by default: only merge fields
 * ({@code {{contact.firstName}}}) are allowed between braces; sections, partials, unescaped values, comments and
 * delimiter changes are refused before the engine sees them. The HTML is cleaned (no script, no event handler) and
 * the footer, with the sender's identity and the opt-out link, is always added here, never left to the author.
 */
public final class TemplateRenderer {

    /** Every {@code {{…}}} or {@code {{{…}}}} tag, and a lone {@code {{} left open. */
    private static final Pattern TAG = Pattern.compile("\\{\\{(\\{?)(.*?)}}(}?)|\\{\\{", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*)\\s*");

    private static final String EXAMPLE = braces(MergeField.CONTACT_FIRST_NAME.tag());

    private final Translations translations;
    private final SenderIdentity sender;
    private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).defaultValue("");
    private final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).defaultValue("");

    public TemplateRenderer(Translations translations, SenderIdentity sender) {
        this.translations = translations;
        this.sender = sender;
    }

    /** What is wrong in the template whoever it goes to: refused tags and unknown fields. */
    public List<TemplateWarning> check(TemplateContent content) {
        List<TemplateWarning> warnings = new ArrayList<>();
        parts(content).forEach((part, text) -> warnings.addAll(check(part, text)));
        return warnings;
    }

    /** The same, plus the merge fields that would print nothing for these values. */
    public List<TemplateWarning> check(TemplateContent content, MergeValues values) {
        List<TemplateWarning> warnings = check(content);
        Map<MergeField, String> map = values.asMap();
        parts(content).forEach((part, text) -> {
            for (String tag : fields(text)) {
                MergeField.ofTag(tag).filter(field -> map.get(field).isBlank()).ifPresent(field ->
                        warnings.add(warning(part, tag, Kind.EMPTY_FIELD, "campaign.template.warning.empty-field", braces(tag))));
            }
        });
        return warnings;
    }

    /**
     * The message for these values, footer included.
     *
     * @throws IllegalArgumentException when the template has a refused tag ({@link #check} says which)
     */
    public RenderedMessage render(TemplateContent content, MergeValues values) {
        if (check(content).stream().anyMatch(TemplateWarning::blocking)) {
            throw new IllegalArgumentException("The template has tags that are not merge fields");
        }
        Map<String, Object> context = context(values);
        String subject = plain.compile(content.subject()).execute(context).replaceAll("\\s+", " ").strip();
        String body = Jsoup.clean(html.compile(content.htmlBody()).execute(context), Safelist.relaxed());
        String text = content.textBody() != null ? plain.compile(content.textBody()).execute(context) : HtmlText.of(body);
        return new RenderedMessage(subject, document(body + htmlFooter(values)), text.strip() + "\n\n" + textFooter(values));
    }

    private List<TemplateWarning> check(String part, String text) {
        List<TemplateWarning> warnings = new ArrayList<>();
        Matcher tags = TAG.matcher(text);
        boolean refused = false;
        while (tags.find()) {
            String inside = tags.group(2) == null ? "" : tags.group(2);
            boolean triple = tags.group(1) != null && !tags.group(1).isEmpty();
            Matcher field = FIELD.matcher(inside);
            if (tags.group(2) == null) {
                refused = true;
                warnings.add(warning(part, "", Kind.REFUSED, "campaign.template.warning.unclosed"));
            } else if (triple || !field.matches()) {
                refused = true;
                String raw = tags.group(0).substring(2, tags.group(0).length() - 2).strip();
                warnings.add(warning(part, raw, Kind.REFUSED, "campaign.template.warning.refused", braces(raw), EXAMPLE));
            } else if (MergeField.ofTag(field.group(1)).isEmpty()) {
                warnings.add(warning(part, field.group(1), Kind.UNKNOWN_FIELD, "campaign.template.warning.unknown-field",
                        braces(field.group(1))));
            }
        }
        if (!refused) {
            // The tags all look like fields; the engine's own reading must agree (no section or partial slipped by).
            try {
                visit(compile(text), part, warnings);
            } catch (MustacheException e) {
                warnings.add(warning(part, "", Kind.REFUSED, "campaign.template.warning.unreadable"));
            }
        }
        return warnings;
    }

    private Template compile(String text) {
        return plain.compile(text);
    }

    private void visit(Template template, String part, List<TemplateWarning> warnings) {
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
            }

            @Override
            public boolean visitInclude(String name) {
                warnings.add(warning(part, name, Kind.REFUSED, "campaign.template.warning.refused", braces(">" + name), EXAMPLE));
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                warnings.add(warning(part, name, Kind.REFUSED, "campaign.template.warning.refused", braces("#" + name), EXAMPLE));
                return false;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                warnings.add(warning(part, name, Kind.REFUSED, "campaign.template.warning.refused", braces("^" + name), EXAMPLE));
                return false;
            }
        });
    }

    /** The merge fields a text names, in order, each once. */
    private static List<String> fields(String text) {
        List<String> names = new ArrayList<>();
        Matcher tags = TAG.matcher(text);
        while (tags.find()) {
            if (tags.group(2) != null) {
                Matcher field = FIELD.matcher(tags.group(2));
                if (field.matches() && !names.contains(field.group(1))) {
                    names.add(field.group(1));
                }
            }
        }
        return names;
    }

    /** How a tag is written, for the messages: {@code {{company.name}}}. */
    static String braces(String tag) {
        return "{{" + tag + "}}";
    }

    private static Map<String, String> parts(TemplateContent content) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("subject", content.subject());
        parts.put("htmlBody", content.htmlBody());
        if (content.textBody() != null) {
            parts.put("textBody", content.textBody());
        }
        return parts;
    }

    /** Nested maps, as the tags name them: {@code contact → firstName}. */
    private static Map<String, Object> context(MergeValues values) {
        Map<String, Object> context = new HashMap<>();
        values.asMap().forEach((field, value) -> {
            String[] path = field.tag().split("\\.");
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) context.computeIfAbsent(path[0], k -> new HashMap<String, Object>());
            group.put(path[1], value);
        });
        return context;
    }

    private String htmlFooter(MergeValues values) {
        String link = escape(values.unsubscribeLink());
        return "<hr><div class=\"footer\" style=\"font-size:12px;color:#555\"><p>" + escape(senderLine()) + "</p><p>"
                + escape(t("campaign.footer.reason")) + "</p><p><a href=\"" + link + "\">"
                + escape(t("campaign.footer.unsubscribe")) + "</a> : " + link + "</p></div>";
    }

    private String textFooter(MergeValues values) {
        return "--\n" + senderLine() + "\n" + t("campaign.footer.reason") + "\n" + t("campaign.footer.unsubscribe") + " : "
                + values.unsubscribeLink() + "\n";
    }

    private String senderLine() {
        return sender.postalAddress().isBlank() ? t("campaign.footer.sender", sender.name())
                : t("campaign.footer.sender-with-address", sender.name(), sender.postalAddress());
    }

    /** Markup characters only: the message is UTF-8, accents stay as they are. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String document(String body) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>" + body + "</body></html>";
    }

    private TemplateWarning warning(String part, String tag, Kind kind, String key, Object... arguments) {
        return new TemplateWarning(part, tag, kind, t("campaign.template.part." + part) + " : " + t(key, arguments));
    }

    private String t(String key, Object... arguments) {
        return translations.getTranslation(key, Translations.FRENCH, arguments);
    }
}
