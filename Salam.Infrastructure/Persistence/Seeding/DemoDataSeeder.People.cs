using System.Globalization;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Persistence.Seeding;

public sealed partial class DemoDataSeeder
{
    /// <summary>The demo staff accounts the README lists; all share <see cref="DemoPassword"/>.</summary>
    internal static readonly (string UserName, Role Role, string FullName)[] StaffAccounts =
    [
        ("admin", Role.Admin, "مدیر سامانه"),
        ("ministry", Role.MinistryStaff, "کارشناس ستاد ملی"),
        ("officer.qom", Role.ProvinceOfficer, "کارشناس اداره کل بهزیستی قم"),
        ("officer.mazandaran", Role.ProvinceOfficer, "کارشناس اداره کل بهزیستی مازندران"),
        ("facilitator.pardisan", Role.Facilitator, "تسهیلگر مرکز مثبت زندگی پردیسان"),
        ("facilitator.sari", Role.Facilitator, "تسهیلگر مرکز مثبت زندگی ساری"),
        ("agency.qom.welfare", Role.AgencyManager, "مدیر اداره کل بهزیستی قم"),
        ("agency.qom.municipality", Role.AgencyManager, "مدیر شهرداری قم"),
    ];

    /// <summary>The first demo resident's mobile: a resident of Pardisan, Qom, who has not voted in the open round yet.</summary>
    public const string FirstResidentMobile = "09120000001";

    private readonly Dictionary<string, ApplicationUser> _staff = [];
    private int _nationalIdSerial = 100_000_000;

    private async Task<List<Resident>> SeedResidentsAsync(Country country, CancellationToken cancellationToken)
    {
        var residents = new List<Resident>();
        var serial = 1;
        foreach (var neighbourhood in country.Neighbourhoods)
        {
            var count = neighbourhood == country.Neighbourhoods[0] ? 40 : _random.Next(8, 16);
            for (var i = 0; i < count; i++, serial++)
            {
                var name = $"{Pick(DemoGeography.ResidentFirstNamesFa)} {Pick(DemoGeography.ResidentLastNamesFa)}";
                var mobile = MobileNumber.Parse("0912" + serial.ToString("D7", CultureInfo.InvariantCulture));
                residents.Add(new Resident(neighbourhood.Id, name, mobile, NextNationalId(), _now.AddDays(-_random.Next(60, 400))));
            }
        }
        db.Residents.AddRange(residents);
        await db.SaveChangesAsync(cancellationToken);
        return residents;
    }

    private async Task SeedAccountsAsync(Country country, CancellationToken cancellationToken)
    {
        var qom = country.Provinces[0];
        var mazandaran = country.Provinces[1];
        var passwordHash = hasher.HashPassword(new ApplicationUser(), DemoPassword); // one hash serves every demo account
        foreach (var (userName, role, fullName) in StaffAccounts)
        {
            var user = new ApplicationUser
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                FullName = fullName,
                Role = role,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
            };
            switch (userName)
            {
                case "officer.qom": user.ProvinceId = qom.Id; break;
                case "officer.mazandaran": user.ProvinceId = mazandaran.Id; break;
                case "facilitator.pardisan": user.CentreId = country.Neighbourhoods[0].CentreId; break;
                case "facilitator.sari": user.CentreId = country.Centres.First(c => c.ProvinceId == mazandaran.Id).Id; break;
                case "agency.qom.welfare": user.AgencyId = AgencyOf(country, qom.Id, Domain.Duties.AgencyKind.Welfare).Id; break;
                case "agency.qom.municipality": user.AgencyId = AgencyOf(country, qom.Id, Domain.Duties.AgencyKind.Municipality).Id; break;
            }
            db.Users.Add(user);
            _staff[userName] = user;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedVolunteersAsync(List<Resident> residents, CancellationToken cancellationToken)
    {
        var skills = Enum.GetValues<VolunteerSkill>().Where(s => s != VolunteerSkill.None).ToArray();
        var statuses = new[] { VolunteerStatus.Registered, VolunteerStatus.Contacted, VolunteerStatus.Active, VolunteerStatus.Active, VolunteerStatus.Inactive };
        // Demo residents have no accounts yet: their sign-ups and status steps are recorded as entered by the administrator.
        var by = _staff["admin"].Id;
        foreach (var resident in residents.Where((_, index) => index % 3 == 1))
        {
            var offered = Pick(skills) | Pick(skills);
            var days = (Weekdays)_random.Next(1, 128);
            var at = resident.RegisteredAt.AddDays(10);
            var volunteer = new Volunteer(resident.Id, resident.NeighbourhoodId, offered, _random.Next(2, 20), days, null, by, at);
            var target = Pick(statuses);
            if (target is VolunteerStatus.Contacted or VolunteerStatus.Active) volunteer.MoveTo(VolunteerStatus.Contacted, by, at.AddDays(2));
            if (target == VolunteerStatus.Active) volunteer.MoveTo(VolunteerStatus.Active, by, at.AddDays(5));
            if (target == VolunteerStatus.Inactive) volunteer.MoveTo(VolunteerStatus.Inactive, by, at.AddDays(20));
            db.Volunteers.Add(volunteer);
        }
        await db.SaveChangesAsync(cancellationToken);

        // Every other open duty gets an active volunteer of its neighbourhood, so agency managers see placements from the first run.
        var openDuties = db.Duties.Local.Where(d => d.IsOpen).Where((_, index) => index % 2 == 0);
        foreach (var duty in openDuties)
        {
            if (db.Volunteers.Local.FirstOrDefault(v => v.NeighbourhoodId == duty.NeighbourhoodId && v.Status == VolunteerStatus.Active) is { } volunteer)
                db.Placements.Add(Placement.OnDuty(volunteer, duty, _staff["facilitator.pardisan"].Id, _now.AddDays(-3)));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Valid national ids from a serial: nine digits and their check digit.</summary>
    private NationalId NextNationalId()
    {
        var body = (_nationalIdSerial++).ToString("D9", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (body[i] - '0') * (10 - i);
        var remainder = sum % 11;
        return NationalId.Parse(body + (remainder < 2 ? remainder : 11 - remainder).ToString(CultureInfo.InvariantCulture));
    }

    private static Domain.Duties.Agency AgencyOf(Country country, int provinceId, Domain.Duties.AgencyKind kind) =>
        country.Agencies.First(a => a.ProvinceId == provinceId && a.Kind == kind);
}
