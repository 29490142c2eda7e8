package fr.passerelle.companycsv.ui;

import fr.passerelle.companycsv.CompanyExportService;
import fr.passerelle.partner.CompanyFilter;
import fr.passerelle.partner.CompanyListAction;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** The companies list's "Exporter" button: the export dialog for the list as it is filtered and sorted. */
@Component
class CompanyExportAction implements CompanyListAction {

    private final CompanyExportService exports;

    CompanyExportAction(CompanyExportService exports) {
        this.exports = exports;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String textKey() {
        return "companies.export.action";
    }

    @Override
    public String descriptionKey() {
        return "companies.export.action.label";
    }

    @Override
    public String icon() {
        return "download-alt";
    }

    @Override
    public void run(CompanyFilter filter, Sort sort, long companyCount) {
        new CompanyExportDialog(exports, filter, sort, companyCount).open();
    }
}
