ASCII SPSS PORT FILE                    ASCII SPSS PORT FILE                    
ASCII SPSS PORT FILE                    ASCII SPSS PORT FILE                    
ASCII SPSS PORT FILE                    0000000000000000000000000000000000000000
0000000000000000000000000123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrst
uvwxyz .<(+|&[]!$*);^-/|,%_>?`:$@'="000000~-0000123456789000-()0{}\0000000000000
00000000000000000000000000000000000000000000000000000000SPSSPORTA8/202611276/104
4141E/GNU pspp 1.6.23J/x86_64-pc-linux-gnu424/5B/7C/2/ID1/C/0/1/C/0/720/8/FORVAL
TN1/20/0/1/20/0/720/7/SEKTION1/20/0/1/20/0/720/4/YRKE1/20/0/1/20/0/70/3/QD15/2/0
/5/2/0/C26/Är din arbetsbörda ojämnt fördelad, så att arbetet hopar sig?70/
3/QD25/2/0/5/2/0/C20/Hur ofta hinner du inte slutföra alla dina arbetsuppgifter
?70/3/QD35/2/0/5/2/0/C12/Kommer du efter med ditt arbete?70/3/WP15/2/0/5/2/0/C11
/Måste du arbeta mycket snabbt?70/3/WP25/2/0/5/2/0/C1I/Arbetar du i högt tempo
 under hela arbetsdagen?70/3/ED15/2/0/5/2/0/C23/Hamnar du i känslomässigt påf
restande situationer i arbetet?70/4/EDX25/2/0/5/2/0/C1R/Måste du ta hand om and
ra människors problem i arbetet?70/3/ED35/2/0/5/2/0/C1C/Är ditt arbete känslo
mässigt krävande?70/3/HE25/2/0/5/2/0/C1J/Kräver ditt arbete att du döljer di
na känslor?70/3/HE35/2/0/5/2/0/C2I/Förväntas du vara vänlig och öppen mot a
lla, oavsett hur de behandlar dig?70/3/HE45/2/0/5/2/0/C23/Kräver ditt arbete at
t du håller inne med dina egna åsikter?70/4/INX15/2/0/5/2/0/C1S/Har du stort i
nflytande över beslut som rör ditt arbete?70/3/IN35/2/0/5/2/0/C1C/Kan du påve
rka hur mycket arbete du får?70/3/IN45/2/0/5/2/0/C1C/Kan du påverka hur du utf
ör ditt arbete?70/3/IN65/2/0/5/2/0/C1C/Kan du påverka vad du gör i ditt arbet
e?70/3/PD25/2/0/5/2/0/C1G/Får du lära dig nya saker genom ditt arbete?70/3/PD3
5/2/0/5/2/0/C1S/Kan du använda dina kunskaper och färdigheter i arbetet?70/3/P
D45/2/0/5/2/0/C1O/Ger arbetet dig möjlighet att utveckla din kompetens?70/3/CT1
5/2/0/5/2/0/C1B/Kan du själv bestämma när du tar paus?70/3/CT25/2/0/5/2/0/C19
/Kan du ta ledigt ungefär när du vill?70/3/CT35/2/0/5/2/0/C21/Kan du lämna ar
betet en stund för att prata med en kollega?70/3/CT45/2/0/5/2/0/C30/Kan du gå 
ifrån arbetet en halvtimme för ett privat ärende, utan särskilt tillstånd?7
0/3/MW15/2/0/5/2/0/CT/Är ditt arbete meningsfullt?70/3/MW25/2/0/5/2/0/C14/Känn
s det arbete du gör viktigt?70/3/PR15/2/0/5/2/0/C2S/Får du veta i god tid om v
iktiga beslut, förändringar eller planer på arbetsplatsen?70/3/PR25/2/0/5/2/0
/C26/Får du all information du behöver för att göra ett bra arbete?70/3/RE15
/2/0/5/2/0/C1N/Blir ditt arbete erkänt och uppskattat av ledningen?70/3/CL15/2/
0/5/2/0/CT/Har ditt arbete tydliga mål?70/3/CL25/2/0/5/2/0/C1F/Vet du exakt vil
ka områden du ansvarar för?70/3/CL35/2/0/5/2/0/C1K/Vet du exakt vad som förv�
�ntas av dig i arbetet?70/3/CO25/2/0/5/2/0/C1H/Ställs det motstridiga krav på 
dig i arbetet?70/3/CO35/2/0/5/2/0/C29/Måste du ibland göra saker som borde ha 
gjorts på ett annat sätt?70/3/IT15/2/0/5/2/0/C28/Har du arbetsuppgifter som du
 tycker inte borde ingå i ditt arbete?70/4/QLX15/2/0/5/2/0/86/C3G/I vilken utst
räckning ser din närmaste chef till att varje medarbetare har goda utvecklings
möjligheter?70/3/QL35/2/0/5/2/0/86/C2E/I vilken utsträckning är din närmaste
 chef bra på att planera arbetet?70/3/QL45/2/0/5/2/0/86/C2F/I vilken utsträckn
ing är din närmaste chef bra på att lösa konflikter?70/4/SSX15/2/0/5/2/0/86/
C33/Hur ofta är din närmaste chef beredd att lyssna på dina problem i arbetet
, om det behövs?70/4/SSX25/2/0/5/2/0/86/C2C/Hur ofta får du hjälp och stöd a
v din närmaste chef, om det behövs?70/4/SCX15/2/0/5/2/0/86/C27/Hur ofta får d
u hjälp och stöd av dina kollegor, om det behövs?70/4/SCX25/2/0/5/2/0/86/C2T/
Hur ofta är dina kollegor beredda att lyssna på dina problem i arbetet, om det
 behövs?70/3/SW15/2/0/5/2/0/C1L/Är det god stämning mellan dig och dina kolle
gor?70/3/SW35/2/0/5/2/0/C20/Känner du dig som en del av en gemenskap på arbets
platsen?70/3/JI15/2/0/5/2/0/C17/Oroar du dig för att bli arbetslös?70/3/JI35/2
/0/5/2/0/C34/Oroar du dig för att det skulle bli svårt att hitta ett annat arb
ete om du förlorade detta?70/3/IW15/2/0/5/2/0/C1L/Oroar du dig för att bli omp
lacerad mot din vilja?70/3/IW35/2/0/5/2/0/C2J/Oroar du dig för att dina arbetst
ider eller ditt schema ändras mot din vilja?70/3/IW45/2/0/5/2/0/C27/Oroar du di
g för att din lön eller andra villkor ska försämras?70/3/QW25/2/0/5/2/0/C22/
Håller arbetet som utförs på din arbetsplats hög kvalitet?70/3/JS15/2/0/5/2/
0/C1N/Hur nöjd är du med dina framtidsutsikter i arbetet?70/3/JS45/2/0/5/2/0/C
24/Hur nöjd är du med ditt arbete som helhet, med allt inräknat?70/3/JS55/2/0
/5/2/0/C1P/Hur nöjd är du med hur dina förmågor tas till vara?70/3/WF25/2/0/
5/2/0/C2G/Tar ditt arbete så mycket energi att det påverkar ditt privatliv neg
ativt?70/3/WF35/2/0/5/2/0/C2D/Tar ditt arbete så mycket tid att det påverkar d
itt privatliv negativt?70/3/TE35/2/0/5/2/0/C1G/Litar de anställda i allmänhet 
på varandra?70/3/TM15/2/0/5/2/0/86/C1S/Litar ledningen på att de anställda g�
�r ett bra arbete?70/4/TMX25/2/0/5/2/0/86/C1R/Kan du lita på informationen som 
kommer från ledningen?70/3/TM45/2/0/5/2/0/86/C21/Kan de anställda öppet uttry
cka sina åsikter och känslor?70/3/JU15/2/0/5/2/0/86/C1C/Löses konflikter på 
ett rättvist sätt?70/3/JU45/2/0/5/2/0/86/CS/Fördelas arbetet rättvist?70/3/G
H15/2/0/5/2/0/C1I/Hur bedömer du ditt allmänna hälsotillstånd?D1/3/QD15/1/6/
Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästan aldrigD1/3/QD25/1/6/
Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästan aldrigD1/3/QD35/1/6/
Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästan aldrigD1/3/WP15/1/6/
Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästan aldrigD1/3/WP25/1/R/
I mycket stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträ
ckning5/S/I mycket liten utsträckningD1/3/ED15/1/6/Alltid2/4/Ofta3/6/Ibland4/7/
Sällan5/R/Aldrig eller nästan aldrigD1/4/EDX25/1/6/Alltid2/4/Ofta3/6/Ibland4/7
/Sällan5/R/Aldrig eller nästan aldrigD1/3/ED35/1/R/I mycket stor utsträckning
2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten ut
sträckningD1/3/HE25/1/R/I mycket stor utsträckning2/K/I stor utsträckning3/6/
Delvis4/L/I liten utsträckning5/S/I mycket liten utsträckningD1/3/HE35/1/R/I m
ycket stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckn
ing5/S/I mycket liten utsträckningD1/3/HE45/1/R/I mycket stor utsträckning2/K/
I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten utstr�
�ckningD1/4/INX15/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästa
n aldrigD1/3/IN35/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästa
n aldrigD1/3/IN45/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästa
n aldrigD1/3/IN65/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästa
n aldrigD1/3/PD25/1/R/I mycket stor utsträckning2/K/I stor utsträckning3/6/Del
vis4/L/I liten utsträckning5/S/I mycket liten utsträckningD1/3/PD35/1/R/I myck
et stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning
5/S/I mycket liten utsträckningD1/3/PD45/1/R/I mycket stor utsträckning2/K/I s
tor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten utsträck
ningD1/3/CT15/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästan al
drigD1/3/CT25/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästan al
drigD1/3/CT35/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästan al
drigD1/3/CT45/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästan al
drigD1/3/MW15/1/R/I mycket stor utsträckning2/K/I stor utsträckning3/6/Delvis4
/L/I liten utsträckning5/S/I mycket liten utsträckningD1/3/MW25/1/R/I mycket s
tor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/
I mycket liten utsträckningD1/3/PR15/1/R/I mycket stor utsträckning2/K/I stor 
utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten utsträckning
D1/3/PR25/1/R/I mycket stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I
 liten utsträckning5/S/I mycket liten utsträckningD1/3/RE15/1/R/I mycket stor 
utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I my
cket liten utsträckningD1/3/CL15/1/R/I mycket stor utsträckning2/K/I stor utst
räckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten utsträckningD1/3
/CL25/1/R/I mycket stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I lit
en utsträckning5/S/I mycket liten utsträckningD1/3/CL35/1/R/I mycket stor utst
räckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket
 liten utsträckningD1/3/CO25/1/R/I mycket stor utsträckning2/K/I stor utsträc
kning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten utsträckningD1/3/CO3
5/1/R/I mycket stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I liten u
tsträckning5/S/I mycket liten utsträckningD1/3/IT15/1/6/Alltid2/4/Ofta3/6/Ibla
nd4/7/Sällan5/R/Aldrig eller nästan aldrigD1/4/QLX16/1/R/I mycket stor utsträ
ckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket li
ten utsträckning6/I/Jag har ingen chefD1/3/QL36/1/R/I mycket stor utsträckning
2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten ut
sträckning6/I/Jag har ingen chefD1/3/QL46/1/R/I mycket stor utsträckning2/K/I 
stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten utsträc
kning6/I/Jag har ingen chefD1/4/SSX16/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R
/Aldrig eller nästan aldrig6/I/Jag har ingen chefD1/4/SSX26/1/6/Alltid2/4/Ofta3
/6/Ibland4/7/Sällan5/R/Aldrig eller nästan aldrig6/I/Jag har ingen chefD1/4/SC
X16/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig eller nästan aldrig6/L/Ja
g har inga kollegorD1/4/SCX26/1/6/Alltid2/4/Ofta3/6/Ibland4/7/Sällan5/R/Aldrig 
eller nästan aldrig6/L/Jag har inga kollegorD1/3/SW15/1/6/Alltid2/4/Ofta3/6/Ibl
and4/7/Sällan5/R/Aldrig eller nästan aldrigD1/3/SW35/1/6/Alltid2/4/Ofta3/6/Ibl
and4/7/Sällan5/R/Aldrig eller nästan aldrigD1/3/JI15/1/R/I mycket stor utsträ
ckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket li
ten utsträckningD1/3/JI35/1/R/I mycket stor utsträckning2/K/I stor utsträckni
ng3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten utsträckningD1/3/IW15/1
/R/I mycket stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utst
räckning5/S/I mycket liten utsträckningD1/3/IW35/1/R/I mycket stor utsträckni
ng2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten 
utsträckningD1/3/IW45/1/R/I mycket stor utsträckning2/K/I stor utsträckning3/
6/Delvis4/L/I liten utsträckning5/S/I mycket liten utsträckningD1/3/QW25/1/R/I
 mycket stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträc
kning5/S/I mycket liten utsträckningD1/3/JS15/1/C/Mycket nöjd2/5/Nöjd3/S/Vark
en nöjd eller missnöjd4/9/Missnöjd5/G/Mycket missnöjdD1/3/JS45/1/C/Mycket n�
�jd2/5/Nöjd3/S/Varken nöjd eller missnöjd4/9/Missnöjd5/G/Mycket missnöjdD1/
3/JS55/1/C/Mycket nöjd2/5/Nöjd3/S/Varken nöjd eller missnöjd4/9/Missnöjd5/G
/Mycket missnöjdD1/3/WF25/1/R/I mycket stor utsträckning2/K/I stor utsträckni
ng3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten utsträckningD1/3/WF35/1
/R/I mycket stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utst
räckning5/S/I mycket liten utsträckningD1/3/TE35/1/R/I mycket stor utsträckni
ng2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten 
utsträckningD1/3/TM16/1/R/I mycket stor utsträckning2/K/I stor utsträckning3/
6/Delvis4/L/I liten utsträckning5/S/I mycket liten utsträckning6/8/Vet inteD1/
4/TMX26/1/R/I mycket stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I l
iten utsträckning5/S/I mycket liten utsträckning6/8/Vet inteD1/3/TM46/1/R/I my
cket stor utsträckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckni
ng5/S/I mycket liten utsträckning6/8/Vet inteD1/3/JU16/1/R/I mycket stor utstr�
�ckning2/K/I stor utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket l
iten utsträckning6/8/Vet inteD1/3/JU46/1/R/I mycket stor utsträckning2/K/I sto
r utsträckning3/6/Delvis4/L/I liten utsträckning5/S/I mycket liten utsträckni
ng6/8/Vet inteD1/3/GH15/1/8/Utmärkt2/A/Mycket bra3/3/Bra4/B/Någorlunda5/6/Dål
igFC/M00001      20/Stadsomrade Soder                                           
20/Barn och familj Soder                                       20/socialsekreter
are                                           3/3/4/1/2/2/2/3/2/3/2/3/2/2/2/2/2/
2/3/4/3/4/2/2/2/2/2/1/2/3/2/2/3/4/3/3/2/2/1/1/2/2/4/4/3/3/3/4/2/3/3/5/4/2/2/1/2/
3/3/3/C/M00002      20/Stadsomrade Norr                                         
   20/Barn och familj Norr                                        20/socialsekre
terare                                           2/3/3/2/1/3/3/3/2/3/2/4/3/3/2/*
.4/4/2/3/2/3/3/2/3/3/4/2/2/2/3/3/3/2/2/3/3/3/1/1/2/2/5/5/2/3/3/3/2/2/2/3/2/1/2/3
/2/3/4/3/C/M00003      20/Funktionsstod                                         
      20/Socialpsykiatri                                             20/socialse
kreterare                                           2/2/2/2/2/3/3/3/3/4/3/4/3/4/
3/3/3/3/3/3/2/4/3/3/4/3/2/1/2/2/2/2/3/3/3/3/4/3/3/3/3/3/5/4/4/3/3/2/2/2/2/2/2/2/
3/2/3/2/2/3/ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ
