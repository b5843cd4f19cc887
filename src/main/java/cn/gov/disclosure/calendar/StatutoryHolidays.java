package cn.gov.disclosure.calendar;

import cn.gov.disclosure.common.Texts;

import java.time.LocalDate;
import java.util.Optional;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;

/**
 * The public holidays fixed by 《全国年节及纪念日放假办法》 (as revised in 2024), which hold every year
 * whatever the State Council's yearly notice adds: 元旦 1 January; 春节 New Year's Eve and the first three
 * days of the lunar year; 清明 the day of the solar term; 劳动节 1–2 May; 端午 the fifth of the fifth lunar
 * month; 中秋 the fifteenth of the eighth; 国庆节 1–3 October. Used only for years whose notice has not been
 * entered, so that a deadline running into such a year at least skips these days; the weekend swaps of
 * the notice cannot be foreseen, and such results stay flagged as unconfirmed.
 */
public final class StatutoryHolidays {

    private StatutoryHolidays() {
    }

    public static Optional<String> nameOf(LocalDate day) {
        int y = day.getYear();
        int m = day.getMonthValue();
        int d = day.getDayOfMonth();
        if (m == 1 && d == 1) {
            return Optional.of(Texts.get("calendar.holiday.newYear"));
        }
        if (m == 5 && d <= 2) {
            return Optional.of(Texts.get("calendar.holiday.labourDay"));
        }
        if (m == 10 && d <= 3) {
            return Optional.of(Texts.get("calendar.holiday.nationalDay"));
        }
        LocalDate springFestival = lunar(y, 1, 1);
        if (!day.isBefore(springFestival.minusDays(1)) && !day.isAfter(springFestival.plusDays(2))) {
            return Optional.of(Texts.get("calendar.holiday.springFestival"));
        }
        if (day.equals(lunar(y, 5, 5))) {
            return Optional.of(Texts.get("calendar.holiday.dragonBoat"));
        }
        if (day.equals(lunar(y, 8, 15))) {
            return Optional.of(Texts.get("calendar.holiday.midAutumn"));
        }
        Solar qingming = Solar.fromYmd(y, 4, 1).getLunar().getJieQiTable().get("清明");
        if (day.equals(LocalDate.of(qingming.getYear(), qingming.getMonth(), qingming.getDay()))) {
            return Optional.of(Texts.get("calendar.holiday.qingming"));
        }
        return Optional.empty();
    }

    private static LocalDate lunar(int lunarYear, int month, int day) {
        Solar s = Lunar.fromYmd(lunarYear, month, day).getSolar();
        return LocalDate.of(s.getYear(), s.getMonth(), s.getDay());
    }
}
