/** The client portal's pages (phone-first: one column, cards instead of grids) and its client-page section. */
package com.tutordesk.portal.ui;
