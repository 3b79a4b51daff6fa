/**
 * The contributor's campaign pages: the form that creates and funds a campaign on a dataset version
 * (gold answers from a CSV or the preview, the minimum budget computed as the terms change, the
 * wallet's balance), the campaign's dashboard (funding progress, work progress, charts of labels,
 * agreement and budget, pause/resume/close), and the list of one's campaigns. Charts are drawn with
 * plain elements ({@link io.datamint.webapp.interfaces.web.campaign.BarChart}); the arithmetic
 * behind them ({@link io.datamint.webapp.interfaces.web.campaign.Bars}, {@link
 * io.datamint.webapp.interfaces.web.campaign.BudgetEstimate}, {@link
 * io.datamint.webapp.interfaces.web.campaign.GoldCsv}) is free of Vaadin and unit-tested.
 */
package io.datamint.webapp.interfaces.web.campaign;
