using Salam.Domain.Needs;

namespace Salam.Infrastructure.Persistence.Seeding;

/// <summary>Needs as residents of the seed articles' neighbourhoods raise them, across the three programmes and the wider areas.</summary>
internal static class DemoNeeds
{
    internal sealed record NeedSeed(string Title, string Description, NeedCategory Category, decimal? Cost);

    internal static readonly NeedSeed[] All =
    [
        new("سطح‌شیب‌دار و پیاده‌روی مناسب برای ویلچر", "پیاده‌روهای خیابان اصلی محله برای افراد دارای معلولیت و سالمندان قابل عبور نیست.", NeedCategory.CommunityRehabilitation, 1_200_000_000),
        new("کلاس مهارت‌آموزی نوجوانان در تابستان", "نوجوانان محله در تابستان جای امنی برای یادگیری مهارت و ورزش ندارند.", NeedCategory.YouthTalent, 300_000_000),
        new("پاتوق سالمندان با برنامهٔ هفتگی", "سالمندان تنها به فضایی برای دورهمی، ورزش سبک و معاینهٔ ماهانه نیاز دارند.", NeedCategory.ElderlyCare, 450_000_000),
        new("خانهٔ بهداشت با پزشک عصرها", "نزدیک‌ترین درمانگاه دور است و عصرها پزشک ندارد.", NeedCategory.Health, 2_500_000_000),
        new("کلاس تقویتی رایگان برای دانش‌آموزان کم‌برخوردار", "خانواده‌های کم‌درآمد توان پرداخت کلاس تقویتی ندارند.", NeedCategory.Education, 200_000_000),
        new("کارگاه اشتغال خانگی برای زنان سرپرست خانوار", "آموزش خیاطی و بسته‌بندی و فروش آنلاین برای درآمد خانوار.", NeedCategory.Livelihood, 600_000_000),
        new("روشنایی کوچه‌ها و پارک محله", "کوچه‌های فرعی و پارک شب‌ها تاریک است و احساس ناامنی می‌دهد.", NeedCategory.Safety, 350_000_000),
        new("جمع‌آوری پسماند و تفکیک از مبدأ", "سطل‌ها کم است و زباله در کنار کوچه‌ها می‌ماند.", NeedCategory.EnvironmentAndUrban, 150_000_000),
        new("جشن محله و دیدار همسایگان", "همسایه‌ها یکدیگر را نمی‌شناسند؛ یک برنامهٔ ماهانه برای آشنایی لازم است.", NeedCategory.SocialCohesion, 80_000_000),
        new("سرویس رفت‌وآمد برای کودکان دارای معلولیت", "رساندن کودکان به مرکز توانبخشی برای خانواده‌ها دشوار است.", NeedCategory.CommunityRehabilitation, 900_000_000),
        new("زمین ورزشی روباز برای نوجوانان", "زمین خاکی محله را می‌توان به زمین چندمنظوره تبدیل کرد.", NeedCategory.YouthTalent, 1_800_000_000),
        new("مراقبت در منزل برای سالمندان تنها", "چند سالمند تنها در محله به سر زدن منظم و کمک در خرید نیاز دارند.", NeedCategory.ElderlyCare, null),
        new("پاک‌سازی جوی آب پیش از باران", "جوی‌ها گرفته است و در باران آب به خانه‌ها می‌رود.", NeedCategory.EnvironmentAndUrban, 120_000_000),
        new("مشاورهٔ خانواده در مرکز محله", "خانواده‌ها برای مشاوره باید به مرکز شهر بروند.", NeedCategory.Health, 250_000_000),
    ];

    internal static readonly string[] RejectionReasons =
    [
        "این مورد در حوزهٔ محله نیست و به شورای شهر ارجاع شد.",
        "شرح نیاز روشن نیست؛ لطفاً با جزئیات دوباره پیشنهاد دهید.",
    ];
}
