package fr.passerelle.base;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A search that matches the start of words (decision records 006 and 014), over a table of terms whose
 * {@code term} column is in the "C" collation and leads its primary key: each typed word, accents, case and
 * punctuation removed as SQL {@code search_terms} removes them, must start one of a row's terms.
 *
 * @param words the typed words, the longest first: it drives the search, the others are checked on the way
 * @param terms the stored terms that start with the first word, or null when more than
 *              {@link #MAXIMUM_EXPANDED_TERMS} do (three letters that begin many words): the caller then reads
 *              the range {@code term >= word0 and term < word0End} and sorts its matches
 */
public record PrefixSearch(List<String> words, @Nullable List<String> terms) {

    /** The longest word of a search needs this many characters ("a" would start a word of almost every row). */
    public static final int MINIMUM_LENGTH = 3;
    /**
     * Up to this many distinct terms start with the searched word ("hotel": hotel, hotels, hotellerie…), a first
     * page merges each term's own ordered run; beyond, the matches are sorted.
     */
    public static final int MAXIMUM_EXPANDED_TERMS = 500;

    public PrefixSearch {
        words = List.copyOf(words);
        terms = terms == null ? null : List.copyOf(terms);
    }

    /**
     * The search for what someone typed, or null when it has no word of {@link #MINIMUM_LENGTH} characters.
     *
     * @param termTable the table of terms, e.g. {@code company_search_term}; never a typed value
     */
    public static @Nullable PrefixSearch of(JdbcClient jdbc, String termTable, String typed) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        List<String> words = new ArrayList<>(jdbc.sql("select unnest(search_terms(:text))").param("text", text)
                .query(String.class).list());
        words.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        if (words.isEmpty() || words.getFirst().length() < MINIMUM_LENGTH) {
            return null;
        }
        String driver = words.getFirst();
        // A loose index scan: each next distinct term from the primary key, without reading their rows.
        List<String> terms = jdbc.sql("""
                        with recursive found(term) as (
                            (select t.term from %1$s t where t.term >= :from and t.term < :to order by t.term limit 1)
                            union all
                            select (select t.term from %1$s t where t.term > f.term and t.term < :to order by t.term limit 1)
                            from found f where f.term is not null)
                        select term from found where term is not null limit :max
                        """.formatted(termTable))
                .param("from", driver).param("to", after(driver)).param("max", MAXIMUM_EXPANDED_TERMS + 1)
                .query(String.class).list();
        return new PrefixSearch(words, terms.size() > MAXIMUM_EXPANDED_TERMS ? null : terms);
    }

    /** The first string after every string that starts with {@code prefix}, in "C" collation. */
    public static String after(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    /** {@code alias.term …}: the rows whose term starts with the first word. */
    public String driverCondition(String alias) {
        return terms != null ? alias + ".term = any(cast(:searchTerms as text[]))"
                : alias + ".term >= :word0 and " + alias + ".term < :word0End";
    }

    /**
     * {@code and exists …}: each other word starts one of the same row's terms.
     *
     * @param idColumn the column of the term table naming the row searched, e.g. {@code company_id}
     */
    public String otherWordsCondition(String termTable, String alias, String idColumn) {
        var conditions = new StringBuilder();
        for (int i = 1; i < words.size(); i++) {
            conditions.append(" and exists (select 1 from ").append(termTable).append(" w where w.").append(idColumn)
                    .append(" = ").append(alias).append('.').append(idColumn).append(" and w.term >= :word").append(i)
                    .append(" and w.term < :word").append(i).append("End)");
        }
        return conditions.toString();
    }

    /** The parameters the conditions name: {@code word0}, {@code word0End}…, {@code searchTerms}. */
    public void addParameters(java.util.Map<String, Object> params) {
        for (int i = 0; i < words.size(); i++) {
            params.put("word" + i, words.get(i));
            params.put("word" + i + "End", after(words.get(i)));
        }
        if (terms != null) {
            params.put("searchTerms", terms.toArray(String[]::new));
        }
    }
}
