package fr.passerelle.portal.internal;

import java.util.List;

/** A declaration that cannot be taken as it is: what is wrong, field by field, to show next to each field. */
public class DeclarationRefused extends RuntimeException {

    private final List<FieldProblem> problems;

    public DeclarationRefused(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "refused" : problems.getFirst().messageKey());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
