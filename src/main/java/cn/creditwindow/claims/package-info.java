/**
 * Claims (索赔服务, manual 四): an enterprise's claim on an effective policy — buyer, banks, case questions,
 * shipments (entered one by one or imported from the CSV/XLSX template), loss cause and descriptions, the
 * declaration and submission — and the insurer's review: accept (a decision due date 15 working days later for
 * sponsored policies, counted in {@code calendar.HolidayCalendar}; provisional, naming the year, when a year's holiday
 * schedule is not loaded), return with a reason (the enterprise fixes and resubmits; every step is kept) or decide and
 * pay, the payout capped by what is left of the policy's per-buyer and aggregate limits. {@code Claims} holds the
 * claim itself, {@code ClaimShipments} its shipments, {@code ClaimFormChecks} the checks of its form and submission,
 * {@code ClaimReview} the insurer's review and {@code ClaimPayouts} what it pays. {@code ClaimHandlers} and
 * {@code ClaimPages} are the only classes that know about HTTP.
 */
package cn.creditwindow.claims;
