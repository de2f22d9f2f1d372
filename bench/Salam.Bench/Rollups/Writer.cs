using System.Diagnostics;

namespace Salam.Bench.Rollups;

/// <summary>Takes one row's values, in the order of the insert's columns.</summary>
internal delegate void RowSink(params object?[] values);

/// <summary>Writes one table at a time into an <see cref="IRowTarget"/> (SQLite inserts or PostgreSQL COPY), showing progress.</summary>
internal sealed class Writer(IRowTarget target, Random random, DateTimeOffset now, Scale scale)
{
    private const int AgencyKinds = 9;
    private readonly DateOnly _today = DateOnly.FromDateTime(now.UtcDateTime);

    private int NeighbourhoodCount => scale.Neighbourhoods;
    private int CountyOf(int neighbourhood) => (neighbourhood - 1) % scale.Counties + 1;
    private int ProvinceOf(int county) => (county - 1) % scale.Provinces + 1;

    public void Geography()
    {
        Insert("Provinces", ["Id", "Code", "NameFa", "NameEn"], scale.Provinces, (i, p) => p(i, $"P{i:00}", $"استان {i}", $"Province {i}"));
        Insert("Counties", ["Id", "ProvinceId", "Code", "NameFa", "NameEn"], scale.Counties, (i, p) => p(i, ProvinceOf(i), $"C{i}", $"شهرستان {i}", $"County {i}"));
        var centres = NeighbourhoodCount / 10;
        Insert("Centres", ["Id", "ProvinceId", "NameFa", "NameEn", "Address", "Kind"], centres,
            (i, p) => p(i, ProvinceOf(CountyOf(i)), $"مرکز مثبت زندگی {i}", $"Positive Life centre {i}", "", 0));
        Insert("Neighbourhoods", ["Id", "CountyId", "CentreId", "Code", "NameFa", "NameEn"], NeighbourhoodCount,
            (i, p) => p(i, CountyOf(i), (i - 1) % centres + 1, $"N{i}", $"محله {i}", $"Neighbourhood {i}"));
        // Each province has one agency of every kind: agency (province - 1) * 9 + kind + 1.
        Insert("Agencies", ["Id", "NameFa", "NameEn", "Kind", "ProvinceId"], scale.Provinces * AgencyKinds,
            (i, p) => p(i, $"دستگاه {i}", $"Agency {i}", (i - 1) % AgencyKinds, (i - 1) / AgencyKinds + 1));
    }

    public void Residents() =>
        Insert("Residents", ["Id", "NeighbourhoodId", "FullName", "Mobile", "NationalId", "RegisteredAt"], NeighbourhoodCount * Scale.ResidentsPerNeighbourhood,
            (i, p) => p(i, (i - 1) / Scale.ResidentsPerNeighbourhood + 1, $"ساکن {i}", $"091{i:D8}", null, now));

    public void Needs() =>
        Insert("Needs", ["Id", "NeighbourhoodId", "Title", "Description", "Category", "Status", "RejectionReason", "ProposedAt", "ApprovedAt"],
            NeighbourhoodCount * Scale.NeedsPerNeighbourhood, (i, p) =>
            {
                var slot = (i - 1) % Scale.NeedsPerNeighbourhood;
                var status = slot < 6 ? 1 : slot == 6 ? 0 : 2;
                p(i, (i - 1) / Scale.NeedsPerNeighbourhood + 1, $"نیاز {i}", "", random.Next(9), status, status == 2 ? "تکراری" : null, now, status == 1 ? now : null);
            });

    /// <summary>Two rounds per neighbourhood (last year's closed, this year's open) on its six approved needs; 100 ballots of 5 ranks.</summary>
    public void RoundsAndBallots()
    {
        DateTimeOffset At(int days) => now.AddDays(days);
        Insert("PriorityRounds", ["Id", "NeighbourhoodId", "Title", "OpensAt", "ClosesAt", "MaxRanks", "Method", "Status", "ClosedAt"], NeighbourhoodCount * 2,
            (i, p) =>
            {
                var closed = i % 2 == 1;
                p(i, (i + 1) / 2, closed ? "اولویت‌های پارسال" : "اولویت‌های امسال", closed ? At(-365) : At(-1),
                    closed ? At(-335) : At(30), Scale.Ranks, 0, closed ? 2 : 1, closed ? At(-335) : null);
            });
        Insert("RoundNeed", ["RoundId", "NeedId", "ApprovedAt"], NeighbourhoodCount * 2 * 6,
            (i, p) => { var round = (i - 1) / 6 + 1; p(round, ((round + 1) / 2 - 1) * Scale.NeedsPerNeighbourhood + (i - 1) % 6 + 1, now); });

        var perNeighbourhood = Scale.FirstRoundVoters + Scale.SecondRoundVoters;
        var order = Enumerable.Range(0, Scale.ResidentsPerNeighbourhood).ToArray();
        var needs = new int[6];
        Insert("Ballots", ["Id", "RoundId", "ResidentId", "Channel", "EnteredByUserId", "SubmittedAt"], NeighbourhoodCount * perNeighbourhood, (i, p) =>
        {
            var neighbourhood = (i - 1) / perNeighbourhood + 1;
            var slot = (i - 1) % perNeighbourhood;
            if (slot == 0 || slot == Scale.FirstRoundVoters) random.Shuffle(order);
            var first = slot < Scale.FirstRoundVoters;
            var round = neighbourhood * 2 - (first ? 1 : 0);
            var resident = (neighbourhood - 1) * Scale.ResidentsPerNeighbourhood + order[first ? slot : slot - Scale.FirstRoundVoters] + 1;
            var paper = random.Next(10) == 0;
            p(i, round, resident, paper ? 1 : 0, paper ? 1 : null, now);
        });
        Insert("BallotEntry", ["BallotId", "Rank", "NeedId"], NeighbourhoodCount * perNeighbourhood * Scale.Ranks, (i, p) =>
        {
            var ballot = (i - 1) / Scale.Ranks + 1;
            var rank = (i - 1) % Scale.Ranks + 1;
            if (rank == 1)
            {
                var firstNeed = ((ballot - 1) / perNeighbourhood) * Scale.NeedsPerNeighbourhood + 1;
                for (var n = 0; n < 6; n++) needs[n] = firstNeed + n;
                random.Shuffle(needs);
            }
            p(ballot, rank, needs[rank - 1]);
        });
    }

    public void Duties()
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Insert("Duties", ["Id", "AgencyId", "NeighbourhoodId", "NeedId", "Title", "Description", "DueDate", "AssignedAt", "CompletedAt", "CompletedOnTime",
            "Status", "PercentComplete", "Reason", "Version", "OverdueSince"], NeighbourhoodCount * Scale.DutiesPerNeighbourhood, (i, p) =>
        {
            var neighbourhood = (i - 1) / Scale.DutiesPerNeighbourhood + 1;
            var province = ProvinceOf(CountyOf(neighbourhood));
            var roll = random.Next(100);
            var status = roll switch { < 15 => 0, < 30 => 1, < 55 => 2, < 85 => 3, < 90 => 4, _ => 5 };
            var due = today.AddDays(random.Next(-90, 90));
            var overdue = status is not (3 or 4) && due < today;
            p(i, (province - 1) * AgencyKinds + random.Next(AgencyKinds) + 1, neighbourhood, (neighbourhood - 1) * Scale.NeedsPerNeighbourhood + random.Next(6) + 1,
                "وظیفه", "", due, now, status == 3 ? now : null, status == 3 && random.Next(10) < 7,
                status, status == 3 ? 100 : status * 20, status is 4 or 5 ? "دلیل" : null, Guid.NewGuid(),
                overdue ? _today : null);
        });
    }

    public void Volunteers() =>
        Insert("Volunteers", ["Id", "ResidentId", "NeighbourhoodId", "Skills", "HoursPerWeek", "Days", "Note", "Status", "RegisteredAt", "WithdrawnAt"],
            NeighbourhoodCount * Scale.VolunteersPerNeighbourhood, (i, p) =>
            {
                var neighbourhood = (i - 1) / Scale.VolunteersPerNeighbourhood + 1;
                var resident = (neighbourhood - 1) * Scale.ResidentsPerNeighbourhood + (i - 1) % Scale.VolunteersPerNeighbourhood * 20 + 1;
                p(i, resident, neighbourhood, (1 << random.Next(16)) | (1 << random.Next(16)), 4 + random.Next(10), 1 + random.Next(127), null, random.Next(4), now, null);
            });

    private void Insert(string table, string[] columns, int rows, Action<int, RowSink> row)
    {
        var watch = Stopwatch.StartNew();
        using var sink = target.Begin(table, columns);
        for (var i = 1; i <= rows; i++)
        {
            row(i, sink.Row);
            if (i % 500_000 == 0) Console.WriteLine($"generate:   {table}: {i:N0} of {rows:N0} ({i / watch.Elapsed.TotalSeconds:N0} rows/s)");
        }
        sink.Complete();
        Console.WriteLine($"generate: {table}: {rows:N0} rows in {watch.Elapsed.TotalSeconds:F1}s");
    }
}
