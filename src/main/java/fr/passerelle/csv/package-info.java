/**
 * CSV files as people bring and take them: reading what French Excel, LibreOffice or another system
 * wrote (encoding and delimiter detected, spreadsheets and binary files refused, records streamed with
 * their line numbers), and writing files that Excel opens as they are, with formula cells neutralised.
 * Pure Java on Apache Commons CSV; no Spring beans.
 */
@NullMarked
package fr.passerelle.csv;

import org.jspecify.annotations.NullMarked;
