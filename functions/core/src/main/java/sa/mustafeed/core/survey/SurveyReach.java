package sa.mustafeed.core.survey;

import java.time.YearMonth;
import sa.mustafeed.core.request.Channel;

/**
 * How many survey links went out in one month through one request channel, and how many of those
 * links were answered. Both are counted on the month the link was sent, so answers ÷ links is the
 * response rate of that month's links (a recent month's rate still grows while its links are open).
 */
public record SurveyReach(YearMonth month, Channel channel, long sent, long answered) {}
