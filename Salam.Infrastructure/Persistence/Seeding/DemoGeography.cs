using Salam.Application.Geography.Common;

namespace Salam.Infrastructure.Persistence.Seeding;

/// <summary>Real place names for the demo data: the provinces the seed articles name, plus Tehran.</summary>
internal static class DemoGeography
{
    internal sealed record NeighbourhoodSeed(string NameFa, string NameEn);
    internal sealed record CentreSeed(string NameFa, string NameEn, string AddressFa, int[] ServesNeighbourhoodIndexes); // indexes into the county's Neighbourhoods
    internal sealed record CountySeed(string NameFa, string NameEn, NeighbourhoodSeed[] Neighbourhoods, CentreSeed[] Centres);
    internal sealed record AgencySeed(string NameFa, string NameEn, string Kind); // Kind is one of: Welfare, Municipality, Governorate, Health, Education, RedCrescent, Ngo, Cooperative, Other
    internal sealed record ProvinceSeed(string Code, string NameFa, string NameEn, CountySeed[] Counties, AgencySeed[] Agencies);

    public static string CountyCode(string provinceCode, int countyIndex) => $"{provinceCode}-{countyIndex:D2}";

    public static string NeighbourhoodCode(string countyCode, int neighbourhoodIndex) => $"{countyCode}-{neighbourhoodIndex:D3}";

    /// <summary>The demo's provinces, counties and neighbourhoods as the rows of a geography file (QOM, QOM-01, QOM-01-001 …).</summary>
    public static IReadOnlyList<GeographyRow> ImportRows()
    {
        var rows = new List<GeographyRow>();
        foreach (var province in Provinces)
        {
            rows.Add(new GeographyRow(rows.Count + 2, "province", province.Code, "", province.NameFa, province.NameEn));
            foreach (var (county, countyIndex) in province.Counties.Select((c, i) => (c, i + 1)))
            {
                var countyCode = CountyCode(province.Code, countyIndex);
                rows.Add(new GeographyRow(rows.Count + 2, "county", countyCode, province.Code, county.NameFa, county.NameEn));
                foreach (var (neighbourhood, index) in county.Neighbourhoods.Select((n, i) => (n, i + 1)))
                    rows.Add(new GeographyRow(rows.Count + 2, "neighbourhood", NeighbourhoodCode(countyCode, index), countyCode, neighbourhood.NameFa, neighbourhood.NameEn));
            }
        }
        return rows;
    }

    internal static readonly ProvinceSeed[] Provinces =
    [
        new("QOM", "قم", "Qom",
        [
            // Pardisan must stay the first neighbourhood of the first county: the demo accounts depend on it.
            new("قم", "Qom",
            [
                new("پردیسان", "Pardisan"),
                new("شهرک قدس", "Shahrak-e Qods"),
                new("صفاشهر", "Safashahr"),
                new("سالاریه", "Salariyeh"),
                new("زنبیل‌آباد", "Zanbilabad"),
            ],
            [
                new("مرکز مثبت زندگی پردیسان", "Pardisan Positive Life Centre", "قم، پردیسان، کوچه ۱۲، پلاک ۸", [0, 1]),
                new("مرکز مثبت زندگی صفاشهر", "Safashahr Positive Life Centre", "قم، صفاشهر، کوچه ۷، پلاک ۱۵", [2, 3, 4]),
            ]),
            new("کهک", "Kahak",
            [
                new("کهک", "Kahak"),
                new("وشنوه", "Vashnaveh"),
                new("فردو", "Fordow"),
            ],
            [
                new("مرکز مثبت زندگی کهک", "Kahak Positive Life Centre", "کهک، خیابان امام خمینی، پلاک ۲۱", [0, 1, 2]),
            ]),
        ],
        [
            new("اداره کل بهزیستی استان قم", "Qom Province Welfare Directorate", "Welfare"),
            new("شهرداری قم", "Qom Municipality", "Municipality"),
            new("فرمانداری قم", "Qom County Governorate", "Governorate"),
            new("دانشگاه علوم پزشکی قم", "Qom University of Medical Sciences", "Health"),
            new("اداره کل آموزش و پرورش استان قم", "Qom Province Education Directorate", "Education"),
            new("جمعیت هلال احمر استان قم", "Red Crescent Society of Qom Province", "RedCrescent"),
            new("انجمن مردم‌نهاد یاوران محله قم", "Qom Neighbourhood Helpers Association (NGO)", "Ngo"),
            new("تعاونی محله پردیسان", "Pardisan Neighbourhood Cooperative", "Cooperative"),
            new("اداره کل ورزش و جوانان استان قم", "Qom Province Sports and Youth Directorate", "Other"),
        ]),

        new("MZN", "مازندران", "Mazandaran",
        [
            new("ساری", "Sari",
            [
                new("سروینه‌باغ", "Sarvineh Bagh"),
                new("ترک‌محله", "Tork Mahalleh"),
                new("غفاری", "Ghaffari"),
                new("پهنه‌کلا", "Pahneh Kola"),
            ],
            [
                new("مرکز مثبت زندگی سروینه‌باغ", "Sarvineh Bagh Positive Life Centre", "ساری، سروینه‌باغ، کوچه ۹، پلاک ۴", [0, 1]),
                new("مرکز مثبت زندگی پهنه‌کلا", "Pahneh Kola Positive Life Centre", "ساری، پهنه‌کلا، کوچه ۳، پلاک ۱۱", [2, 3]),
            ]),
            new("بابل", "Babol",
            [
                new("آستانه", "Astaneh"),
                new("سرحمام", "Sarhammam"),
                new("کاظم‌بیگ", "Kazem Beyg"),
                new("پنج‌شنبه‌بازار", "Panjshanbeh Bazar"),
            ],
            [
                new("مرکز مثبت زندگی آستانه", "Astaneh Positive Life Centre", "بابل، آستانه، کوچه ۵، پلاک ۱۹", [0, 1]),
                new("مرکز مثبت زندگی کاظم‌بیگ", "Kazem Beyg Positive Life Centre", "بابل، خیابان گنج‌افروز، پلاک ۴۲", [2, 3]),
            ]),
            new("آمل", "Amol",
            [
                new("گرجی‌محله", "Gorji Mahalleh"),
                new("کاشی‌محله", "Kashi Mahalleh"),
                new("مشائی‌محله", "Mashaei Mahalleh"),
            ],
            [
                new("مرکز مثبت زندگی گرجی‌محله", "Gorji Mahalleh Positive Life Centre", "آمل، گرجی‌محله، کوچه ۱۴، پلاک ۶", [0, 1, 2]),
            ]),
        ],
        [
            new("اداره کل بهزیستی استان مازندران", "Mazandaran Province Welfare Directorate", "Welfare"),
            new("شهرداری ساری", "Sari Municipality", "Municipality"),
            new("فرمانداری ساری", "Sari County Governorate", "Governorate"),
            new("دانشگاه علوم پزشکی مازندران", "Mazandaran University of Medical Sciences", "Health"),
            new("اداره کل آموزش و پرورش استان مازندران", "Mazandaran Province Education Directorate", "Education"),
            new("جمعیت هلال احمر استان مازندران", "Red Crescent Society of Mazandaran Province", "RedCrescent"),
            new("انجمن مردم‌نهاد حامیان سالمندان مازندران", "Mazandaran Friends of the Elderly Association (NGO)", "Ngo"),
            new("تعاونی محله سروینه‌باغ", "Sarvineh Bagh Neighbourhood Cooperative", "Cooperative"),
            new("اداره کل ورزش و جوانان استان مازندران", "Mazandaran Province Sports and Youth Directorate", "Other"),
        ]),

        new("WAZ", "آذربایجان غربی", "West Azerbaijan",
        [
            new("ارومیه", "Urmia",
            [
                new("شیخ‌تپه", "Sheykh Tappeh"),
                new("ترزیلو", "Tarzilu"),
                new("کشتارگاه", "Koshtargah"),
                new("دانشکده", "Daneshkadeh"),
            ],
            [
                new("مرکز مثبت زندگی شیخ‌تپه", "Sheykh Tappeh Positive Life Centre", "ارومیه، شیخ‌تپه، کوچه ۹، پلاک ۳", [0, 1]),
                new("مرکز مثبت زندگی دانشکده", "Daneshkadeh Positive Life Centre", "ارومیه، خیابان دانشکده، پلاک ۲۷", [2, 3]),
            ]),
            new("خوی", "Khoy",
            [
                new("چورس", "Chors"),
                new("شیخ نوایی", "Sheykh Navai"),
                new("امامزاده", "Emamzadeh"),
            ],
            [
                new("مرکز مثبت زندگی خوی", "Khoy Positive Life Centre", "خوی، خیابان طالقانی، پلاک ۳۳", [0, 1, 2]),
            ]),
        ],
        [
            new("اداره کل بهزیستی استان آذربایجان غربی", "West Azerbaijan Province Welfare Directorate", "Welfare"),
            new("شهرداری ارومیه", "Urmia Municipality", "Municipality"),
            new("فرمانداری ارومیه", "Urmia County Governorate", "Governorate"),
            new("دانشگاه علوم پزشکی ارومیه", "Urmia University of Medical Sciences", "Health"),
            new("اداره کل آموزش و پرورش استان آذربایجان غربی", "West Azerbaijan Province Education Directorate", "Education"),
            new("جمعیت هلال احمر استان آذربایجان غربی", "Red Crescent Society of West Azerbaijan Province", "RedCrescent"),
            new("مؤسسه خیریه نیکوکاران ارومیه", "Urmia Benefactors Charity (NGO)", "Ngo"),
            new("تعاونی محله شیخ‌تپه", "Sheykh Tappeh Neighbourhood Cooperative", "Cooperative"),
            new("دفتر امور بانوان و خانواده استانداری آذربایجان غربی", "West Azerbaijan Governorate-General Office of Women and Family Affairs", "Other"),
        ]),

        new("THR", "تهران", "Tehran",
        [
            new("تهران", "Tehran",
            [
                new("نارمک", "Narmak"),
                new("تهران‌پارس", "Tehranpars"),
                new("نازی‌آباد", "Naziabad"),
                new("جوادیه", "Javadiyeh"),
            ],
            [
                new("مرکز مثبت زندگی نارمک", "Narmak Positive Life Centre", "تهران، نارمک، میدان هفت‌حوض، کوچه ۳۲", [0, 1]),
                new("مرکز مثبت زندگی نازی‌آباد", "Naziabad Positive Life Centre", "تهران، نازی‌آباد، کوچه ۱۸، پلاک ۷", [2, 3]),
            ]),
            new("ری", "Rey",
            [
                new("دولت‌آباد", "Dowlatabad"),
                new("ابن‌بابویه", "Ebn-e Babuyeh"),
                new("سیزده آبان", "Sizdah-e Aban"),
            ],
            [
                new("مرکز مثبت زندگی دولت‌آباد", "Dowlatabad Positive Life Centre", "شهر ری، دولت‌آباد، کوچه ۱۱، پلاک ۵", [0, 1, 2]),
            ]),
        ],
        [
            new("اداره کل بهزیستی استان تهران", "Tehran Province Welfare Directorate", "Welfare"),
            new("شهرداری تهران", "Tehran Municipality", "Municipality"),
            new("فرمانداری تهران", "Tehran County Governorate", "Governorate"),
            new("دانشگاه علوم پزشکی تهران", "Tehran University of Medical Sciences", "Health"),
            new("اداره کل آموزش و پرورش شهر تهران", "Tehran City Education Directorate", "Education"),
            new("جمعیت هلال احمر استان تهران", "Red Crescent Society of Tehran Province", "RedCrescent"),
            new("انجمن مردم‌نهاد همیاران توان‌یابان تهران", "Tehran Friends of People with Disabilities Association (NGO)", "Ngo"),
            new("تعاونی محله نازی‌آباد", "Naziabad Neighbourhood Cooperative", "Cooperative"),
            new("اداره کل ورزش و جوانان استان تهران", "Tehran Province Sports and Youth Directorate", "Other"),
        ]),
    ];

    internal static readonly AgencySeed[] NationalAgencies =
    [
        new("سازمان بهزیستی کشور", "State Welfare Organisation of Iran", "Welfare"),
        new("وزارت تعاون، کار و رفاه اجتماعی", "Ministry of Cooperatives, Labour and Social Welfare", "Other"),
        new("جمعیت هلال احمر جمهوری اسلامی ایران", "Red Crescent Society of the Islamic Republic of Iran", "RedCrescent"),
    ];

    internal static readonly string[] ResidentFirstNamesFa =
    [
        "علی", "محمد", "حسین", "رضا", "مهدی", "امیر", "حسن", "مصطفی", "سعید", "جواد",
        "فاطمه", "زهرا", "مریم", "معصومه", "زینب", "سارا", "نرگس", "لیلا", "الهام", "مهسا",
    ];

    internal static readonly string[] ResidentLastNamesFa =
    [
        "محمدی", "حسینی", "احمدی", "رضایی", "موسوی", "کریمی", "رحیمی", "جعفری", "صادقی", "قاسمی",
        "هاشمی", "نوری", "اکبری", "عباسی", "کاظمی", "میرزایی", "طاهری", "ابراهیمی", "سلطانی", "بابایی",
    ];
}
