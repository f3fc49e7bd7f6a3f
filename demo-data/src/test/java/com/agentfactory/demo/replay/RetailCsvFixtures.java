package com.agentfactory.demo.replay;

import java.io.StringReader;
import java.util.List;

/** Small Online Retail files in both formats, written out so each test shows the data it relies on. */
final class RetailCsvFixtures {

    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

    /** The Spark-guide export: ISO dates, float-formatted customer ids. */
    static final String ISO_FORMAT = HEADER + """
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
            536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
            536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850.0,United Kingdom
            536367,85123A,WHITE HANGING HEART T-LIGHT HOLDER,2,2010-12-01 08:34:00,2.55,,United Kingdom
            C536379,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-1,2010-12-01 09:41:00,2.55,17850.0,United Kingdom
            """;

    /** The same lines as saved from the original UCI spreadsheet. */
    static final String SPREADSHEET_FORMAT = HEADER + """
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
            536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom
            536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom
            536367,85123A,WHITE HANGING HEART T-LIGHT HOLDER,2,12/1/2010 8:34,2.55,,United Kingdom
            C536379,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-1,12/1/2010 9:41,2.55,17850,United Kingdom
            """;

    private RetailCsvFixtures() {}

    static RetailCsv.ParseResult parse(String csv) {
        return RetailCsv.read(new StringReader(csv));
    }

    static List<RetailLine> lines(String csv) {
        return parse(csv).lines();
    }

    static MappingResult map(String csv) {
        return new StorefrontEventMapper().map(lines(csv));
    }
}
