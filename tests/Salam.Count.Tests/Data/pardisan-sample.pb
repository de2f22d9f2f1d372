META
key;value
description;"Neighbourhood budget, Pardisan; a hand-made sample in Pabulib's format"
country;Iran
unit;Qom
subunit;Pardisan
instance;1404
num_projects;10
num_votes;16
budget;1000
vote_type;approval
rule;equalshares
currency;IRR (millions)
date_begin;01.09.2025
date_end;15.09.2025
min_length;1
max_length;4
language;persian
PROJECTS
project_id;cost;votes;name;category
c1;400;7;روشنایی کوچه‌های شمالی;"safety, lighting"
c2;250;6;Library, second floor;culture
c3;150;5;"Clinic hours; evenings";health
c4;300;4;بوستان محله;"environment, children"
c5;120;3;Bus stop shelter;transport
c6;500;3;"Sports hall roof, ""phase 1""";sport
c7;90;2;Ramps for wheelchairs;"accessibility, transport"
c8;60;1;Notice board;community
c9;200;0;Water fountain;health
c10;80;4;Tree planting;environment
VOTES
voter_id;vote;age;sex
1;c1,c2;34;f
2;c1,c2,c3;51;m
3;c1,c4;23;m
4;c1,c4,c10;19;f
5;c1,c6;62;f
6;c1,c6,c7;54;m
7;c1,c10;49;m
8;c2,c3;27;f
9;c2,c3,c5;39;f
10;c2,c5;44;m
11;c2,c3,c10;31;f
12;c3,c4;58;m
13;c4,c5,c7;36;f
14;c6,c8;29;m
15;c10;41;f
16;;70;m
