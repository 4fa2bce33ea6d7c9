ASCII SPSS PORT FILE                    ASCII SPSS PORT FILE                    
ASCII SPSS PORT FILE                    ASCII SPSS PORT FILE                    
ASCII SPSS PORT FILE                    0000000000000000000000000000000000000000
0000000000000000000000000123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrst
uvwxyz .<(+|&[]!$*);^-/|,%_>?`:$@'="000000~-0000123456789000-()0{}\0000000000000
00000000000000000000000000000000000000000000000000000000SPSSPORTA8/202611276/104
4131E/GNU pspp 1.6.23J/x86_64-pc-linux-gnu424/5B/7C/2/ID1/C/0/1/C/0/720/8/FORVAL
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
Always2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/QD25/1/6/Alwa
ys2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/QD35/1/6/Always2/
5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/WP15/1/6/Always2/5/Of
ten3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/WP25/1/M/To a very large 
extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To a very small 
extentD1/3/ED15/1/6/Always2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly ev
erD1/4/EDX25/1/6/Always2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD
1/3/ED35/1/M/To a very large extent2/H/To a large extent3/8/Somewhat4/H/To a sma
ll extent5/M/To a very small extentD1/3/HE25/1/M/To a very large extent2/H/To a 
large extent3/8/Somewhat4/H/To a small extent5/M/To a very small extentD1/3/HE35
/1/M/To a very large extent2/H/To a large extent3/8/Somewhat4/H/To a small exten
t5/M/To a very small extentD1/3/HE45/1/M/To a very large extent2/H/To a large ex
tent3/8/Somewhat4/H/To a small extent5/M/To a very small extentD1/4/INX15/1/6/Al
ways2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/IN35/1/6/Always
2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/IN45/1/6/Always2/5/
Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/IN65/1/6/Always2/5/Ofte
n3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/PD25/1/M/To a very large ex
tent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To a very small ex
tentD1/3/PD35/1/M/To a very large extent2/H/To a large extent3/8/Somewhat4/H/To 
a small extent5/M/To a very small extentD1/3/PD45/1/M/To a very large extent2/H/
To a large extent3/8/Somewhat4/H/To a small extent5/M/To a very small extentD1/3
/CT15/1/6/Always2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/CT2
5/1/6/Always2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/CT35/1/
6/Always2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/CT45/1/6/Al
ways2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly everD1/3/MW15/1/M/To a v
ery large extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To a v
ery small extentD1/3/MW25/1/M/To a very large extent2/H/To a large extent3/8/Som
ewhat4/H/To a small extent5/M/To a very small extentD1/3/PR15/1/M/To a very larg
e extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To a very smal
l extentD1/3/PR25/1/M/To a very large extent2/H/To a large extent3/8/Somewhat4/H
/To a small extent5/M/To a very small extentD1/3/RE15/1/M/To a very large extent
2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To a very small extent
D1/3/CL15/1/M/To a very large extent2/H/To a large extent3/8/Somewhat4/H/To a sm
all extent5/M/To a very small extentD1/3/CL25/1/M/To a very large extent2/H/To a
 large extent3/8/Somewhat4/H/To a small extent5/M/To a very small extentD1/3/CL3
5/1/M/To a very large extent2/H/To a large extent3/8/Somewhat4/H/To a small exte
nt5/M/To a very small extentD1/3/CO25/1/M/To a very large extent2/H/To a large e
xtent3/8/Somewhat4/H/To a small extent5/M/To a very small extentD1/3/CO35/1/M/To
 a very large extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To
 a very small extentD1/3/IT15/1/6/Always2/5/Often3/9/Sometimes4/6/Seldom5/K/Neve
r or hardly everD1/4/QLX16/1/M/To a very large extent2/H/To a large extent3/8/So
mewhat4/H/To a small extent5/M/To a very small extent6/K/I have no supervisorD1/
3/QL36/1/M/To a very large extent2/H/To a large extent3/8/Somewhat4/H/To a small
 extent5/M/To a very small extent6/K/I have no supervisorD1/3/QL46/1/M/To a very
 large extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To a very
 small extent6/K/I have no supervisorD1/4/SSX16/1/6/Always2/5/Often3/9/Sometimes
4/6/Seldom5/K/Never or hardly ever6/K/I have no supervisorD1/4/SSX26/1/6/Always2
/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly ever6/K/I have no supervisorD
1/4/SCX16/1/6/Always2/5/Often3/9/Sometimes4/6/Seldom5/K/Never or hardly ever6/K/
I have no colleaguesD1/4/SCX26/1/6/Always2/5/Often3/9/Sometimes4/6/Seldom5/K/Nev
er or hardly ever6/K/I have no colleaguesD1/3/SW15/1/6/Always2/5/Often3/9/Someti
mes4/6/Seldom5/K/Never or hardly everD1/3/SW35/1/6/Always2/5/Often3/9/Sometimes4
/6/Seldom5/K/Never or hardly everD1/3/JI15/1/M/To a very large extent2/H/To a la
rge extent3/8/Somewhat4/H/To a small extent5/M/To a very small extentD1/3/JI35/1
/M/To a very large extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5
/M/To a very small extentD1/3/IW15/1/M/To a very large extent2/H/To a large exte
nt3/8/Somewhat4/H/To a small extent5/M/To a very small extentD1/3/IW35/1/M/To a 
very large extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To a 
very small extentD1/3/IW45/1/M/To a very large extent2/H/To a large extent3/8/So
mewhat4/H/To a small extent5/M/To a very small extentD1/3/QW25/1/M/To a very lar
ge extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To a very sma
ll extentD1/3/JS15/1/E/Very satisfied2/9/Satisfied3/13/Neither satisfied nor uns
atisfied4/B/Unsatisfied5/G/Very unsatisfiedD1/3/JS45/1/E/Very satisfied2/9/Satis
fied3/13/Neither satisfied nor unsatisfied4/B/Unsatisfied5/G/Very unsatisfiedD1/
3/JS55/1/E/Very satisfied2/9/Satisfied3/13/Neither satisfied nor unsatisfied4/B/
Unsatisfied5/G/Very unsatisfiedD1/3/WF25/1/M/To a very large extent2/H/To a larg
e extent3/8/Somewhat4/H/To a small extent5/M/To a very small extentD1/3/WF35/1/M
/To a very large extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M
/To a very small extentD1/3/TE35/1/M/To a very large extent2/H/To a large extent
3/8/Somewhat4/H/To a small extent5/M/To a very small extentD1/3/TM16/1/M/To a ve
ry large extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To a ve
ry small extent6/A/Don't knowD1/4/TMX26/1/M/To a very large extent2/H/To a large
 extent3/8/Somewhat4/H/To a small extent5/M/To a very small extent6/A/Don't know
D1/3/TM46/1/M/To a very large extent2/H/To a large extent3/8/Somewhat4/H/To a sm
all extent5/M/To a very small extent6/A/Don't knowD1/3/JU16/1/M/To a very large 
extent2/H/To a large extent3/8/Somewhat4/H/To a small extent5/M/To a very small 
extent6/A/Don't knowD1/3/JU46/1/M/To a very large extent2/H/To a large extent3/8
/Somewhat4/H/To a small extent5/M/To a very small extent6/A/Don't knowD1/3/GH15/
1/9/Excellent2/9/Very good3/4/Good4/4/Fair5/4/PoorFC/M00003      20/Funktionssto
d                                               20/Socialpsykiatri              
                               20/socialsekreterare                             
              3/4/3/3/3/2/2/1/3/3/3/3/5/3/4/2/2/2/2/3/2/3/3/4/4/4/3/3/3/3/3/3/3/
2/3/2/3/4/4/4/3/2/4/4/2/2/3/3/2/2/3/3/2/3/4/4/3/2/1/2/C/M00006      20/Arbetsmar
knad och socialtjanst                              20/Socialjour                
                                  20/socialsekreterare                          
                 2/3/2/4/3/1/1/1/3/4/4/4/4/4/4/3/2/3/4/3/3/1/1/2/2/3/3/3/4/3/2/2
/2/3/3/3/*.2/3/2/2/2/5/5/4/4/5/2/2/*.2/2/2/2/2/3/3/4/4/3/C/M00009      20/Stadso
mrade Soder                                           20/Barn och familj Soder  
                                     20/                                        
                    3/3/3/1/2/2/2/1/3/3/3/2/2/4/3/3/4/3/3/2/3/4/1/2/2/2/2/3/3/3/
3/3/3/3/3/3/3/3/3/*.3/2/4/4/4/5/4/4/2/3/2/3/2/2/3/2/2/2/2/4/C/M00015      20/Sta
dsomrade Soder                                           20/Forsorjningsstod Sod
er                                      20/socialsekreterare                    
                       2/1/3/4/3/2/3/3/3/2/3/3/3/3/3/3/2/3/3/4/3/4/2/2/4/3/3/1/2
/2/3/3/3/2/3/3/1/2/3/2/2/1/4/5/3/3/2/2/2/3/2/3/3/2/2/1/3/4/4/2/C/M00017      20/
Funktionsstod                                               20/Socialpsykiatri  
                                           20/socialsekreterare                 
                          2/1/1/1/2/2/3/2/3/3/2/4/2/3/3/2/3/3/3/3/3/3/2/2/3/3/3/
3/4/3/2/3/4/3/3/3/3/3/3/3/2/1/5/5/5/5/4/2/2/2/2/2/*.3/3/3/2/3/3/4/C/M00019      
20/Stadsomrade Oster                                           20/Barn och famil
j Oster                                       20/socialsekreterare              
                             2/1/1/3/3/5/4/4/2/3/3/4/3/3/4/3/3/2/3/2/2/3/*.2/3/2
/2/4/*.4/4/3/3/3/3/4/3/3/2/3/2/3/5/3/4/4/4/3/3/3/3/3/3/3/3/4/4/3/3/3/C/M00021   
   20/Stadsomrade Vaster                                          20/Barn och fa
milj Vaster                                      20/1:e socialsekreterare       
                                3/3/3/3/3/1/3/3/1/2/2/3/3/3/3/2/2/3/3/2/3/4/*.3/
3/4/4/3/3/3/3/3/4/4/4/3/3/3/2/2/2/2/4/4/4/4/4/4/2/2/2/3/2/2/3/2/3/4/4/4/C/M00024
      20/Stadsomrade Norr                                            20/Forsorjn
ingsstod Norr                                       20/sektionschef             
                                   3/3/4/2/2/2/2/2/2/3/2/5/5/5/5/2/2/2/3/3/4/3/2
/2/4/4/4/3/2/2/3/3/3/2/*.2/2/2/3/3/2/2/4/4/5/4/4/3/4/4/3/3/2/1/4/3/4/4/4/2/C/M00
025      20/Stadsomrade Oster                                           20/Utred
ning Oster                                             20/1:e socialsekreterare 
                                      2/3/2/2/2/1/2/2/3/4/3/2/3/3/3/3/2/3/2/3/3/
3/2/1/4/4/4/3/3/3/3/4/3/4/2/2/3/4/1/1/2/2/4/4/3/3/3/1/2/3/2/3/3/3/3/6/3/2/3/3/C/
M00026      20/Stadsomrade Vaster                                          20/Fo
rsorjningsstod Vaster                                     20/socialsekreterare  
                                         2/1/2/2/2/3/3/3/2/2/2/4/4/4/3/1/2/2/3/3
/3/4/1/2/4/3/2/3/4/4/2/2/2/3/3/*.3/3/1/1/2/2/5/5/5/5/5/3/1/1/1/2/2/2/2/1/2/3/3/4
/C/M00027      20/Stadsomrade Vaster                                          20
/Vuxen Vaster                                                20/                
                                            3/2/3/1/1/2/2/2/3/3/4/3/4/3/4/3/3/3/
4/4/3/3/1/1/2/3/2/3/1/2/3/4/3/2/3/3/3/2/3/3/3/3/4/4/4/4/3/3/3/2/4/3/3/1/3/3/*.6/
4/3/C/M00030      20/Arbetsmarknad och socialtjanst                             
 20/Mottagning Vuxen                                            20/socialsekrete
rare                                           4/3/4/1/1/2/2/2/3/2/2/4/5/5/5/3/3
/2/3/2/2/2/1/2/4/3/2/3/2/3/4/4/4/4/3/4/3/4/3/3/2/2/3/3/2/2/2/3/3/2/2/4/2/2/3/2/2
/3/6/1/C/M00032      20/Stadsomrade Soder                                       
    20/Forsorjningsstod Soder                                      20/socialsekr
eterare                                           3/4/3/3/3/3/2/2/2/2/2/3/3/4/4/
3/4/3/5/3/4/4/2/2/3/3/2/2/1/2/2/2/2/5/4/4/3/2/3/3/1/1/4/4/3/3/3/4/4/4/3/3/3/2/2/
3/2/2/3/2/C/M00035      20/Stadsomrade Oster                                    
       20/Barn och familj Oster                                       20/socials
ekreterare                                           2/2/3/2/4/3/5/3/2/4/3/4/4/4
/4/2/2/2/3/2/1/2/3/3/3/3/3/1/1/1/3/3/2/2/2/3/2/2/3/2/2/1/3/3/4/3/3/3/2/*.4/3/3/3
/3/2/3/2/2/4/C/M00036      20/Stadsomrade Norr                                  
          20/Forsorjningsstod Norr                                       20/soci
alsekreterare                                           2/2/2/2/3/1/2/3/4/4/3/3/
2/3/3/2/2/2/2/3/1/2/1/1/3/3/3/3/2/2/3/3/3/4/3/2/3/2/3/3/1/1/4/4/4/3/4/3/1/2/1/3/
3/2/1/2/2/3/3/2/C/M00037      20/Funktionsstod                                  
             20/LSS-handlaggning Vuxen                                      20/1
:e socialsekreterare                                       2/1/3/3/3/1/2/2/2/3/2
/3/4/4/5/2/2/2/4/3/5/4/1/1/3/3/4/3/3/3/4/4/4/1/2/2/2/2/3/3/2/2/3/4/3/1/3/2/1/1/2
/3/2/3/3/3/2/2/2/1/C/M00038      20/Arbetsmarknad och socialtjanst              
                20/Forsorjningsstod Centrum                                    2
0/socialsekreterare                                           3/3/3/2/2/2/3/2/3/
3/3/3/3/4/4/1/2/1/4/4/3/3/1/2/4/4/3/4/3/3/3/3/2/2/3/2/3/3/2/1/3/*.4/3/5/5/4/4/4/
3/4/3/2/3/4/3/3/4/4/4/C/M00040      20/Arbetsmarknad och socialtjanst           
                   20/Mottagning Vuxen                                          
  20/socialsekreterare                                           3/3/3/3/3/3/2/3
/3/4/3/3/3/4/3/2/3/3/5/4/4/4/2/3/4/4/3/3/3/3/3/2/2/3/2/*.3/3/2/2/3/3/*.4/4/3/4/2
/2/2/2/2/2/2/3/3/2/6/4/*.C/M00043      20/Stadsomrade Oster                     
                      20/Vuxen Oster                                            
     20/1:e socialsekreterare                                       1/1/2/3/3/3/
3/3/4/4/4/2/3/3/2/1/1/2/3/3/3/5/2/3/3/*.3/1/2/1/3/4/2/6/6/6/6/6/2/2/1/1/5/5/4/3/
2/3/2/4/3/4/4/3/5/4/5/2/3/3/C/M00046      20/Arbetsmarknad och socialtjanst     
                         20/Forsorjningsstod Centrum                            
        20/socialsekreterare                                           2/1/3/1/1
/4/4/4/3/4/4/*.3/3/4/2/3/3/3/2/2/3/1/1/3/2/3/2/1/1/4/4/4/2/3/3/2/2/*.3/1/1/5/5/4
/4/4/3/3/2/2/4/3/3/3/2/3/3/4/3/C/M00047      20/Stadsomrade Oster               
                            20/Barn och familj Oster                            
           20/socialsekreterare                                           2/3/2/
*.2/2/2/3/2/2/2/2/*.3/3/4/4/3/2/3/3/3/2/2/4/3/3/1/2/3/3/3/4/2/2/1/3/3/2/2/3/2/4/
3/3/3/4/3/3/2/3/3/3/2/3/3/6/4/4/2/C/M00052      20/Stadsomrade Soder            
                               20/Forsorjningsstod Soder                        
              20/1:e socialsekreterare                                       3/3
/3/2/2/2/3/4/3/3/2/3/3/3/3/2/2/2/3/4/3/3/3/3/3/3/3/3/2/2/3/4/2/4/2/3/2/3/3/3/2/2
/3/3/3/3/3/3/3/3/3/2/1/2/2/2/3/3/3/3/C/M00055      20/Arbetsmarknad och socialtj
anst                              20/Forsorjningsstod Centrum                   
                 20/socialsekreterare                                           
3/2/2/2/3/3/4/4/*.2/2/4/4/4/3/1/3/2/4/4/5/4/2/2/3/4/*.2/3/2/2/2/3/*.3/3/3/3/1/1/
2/2/5/4/4/3/3/3/3/3/3/4/3/2/2/2/3/4/4/4/C/M00056      20/Stadsomrade Oster      
                                     20/Barn och familj Oster                   
                    20/socialsekreterare                                        
   1/1/2/2/2/2/3/3/3/4/2/4/4/3/4/2/2/3/4/4/4/4/2/2/4/4/3/3/3/3/3/3/2/3/3/2/2/2/2
/2/2/2/4/3/3/4/3/4/4/4/4/2/2/3/6/3/4/2/2/2/C/M00057      20/Stadsomrade Soder   
                                        20/Vuxen Soder                          
                       20/socialsekreterare                                     
      3/2/3/1/1/2/3/1/3/3/3/3/2/2/2/1/2/2/4/4/3/4/2/2/2/2/3/4/4/4/3/4/3/3/2/3/*.
2/3/3/1/2/5/4/3/4/4/4/3/3/2/2/2/3/6/3/3/3/2/2/C/M00058      20/Stadsomrade Oster
                                           20/Barn och familj Oster             
                          20/socialsekreterare                                  
         1/1/1/3/3/2/3/4/3/5/4/2/4/3/3/2/3/2/3/5/3/3/2/2/4/4/3/4/4/4/4/4/2/3/2/2
/2/2/3/3/3/2/4/4/3/3/3/3/2/1/1/3/3/3/3/3/2/3/4/2/C/M00061      20/Funktionsstod 
                                              20/LSS-handlaggning Vuxen         
                             20/socialsekreterare                               
            1/2/4/2/3/3/3/3/1/2/2/3/2/3/3/2/2/3/4/3/3/4/2/1/4/3/2/1/2/2/4/4/3/3/
4/2/2/2/2/3/2/1/4/4/5/4/4/2/4/4/3/4/4/3/2/2/3/3/3/1/C/M00064      20/Funktionsst
od                                               20/LSS-handlaggning Barn       
                                20/socialsekreterare                            
               3/3/4/3/3/2/3/3/3/2/2/3/3/3/4/2/3/2/3/4/2/2/1/1/4/4/3/2/1/3/4/3/3
/1/2/1/3/2/1/2/2/2/4/4/4/5/5/*.3/3/2/3/3/4/3/3/4/4/3/3/C/M00065      20/Stadsomr
ade Oster                                           20/Forsorjningsstod Oster   
                                   20/socialsekreterare                         
                  2/2/3/*.*.3/4/4/3/*.2/3/2/3/3/3/3/2/3/3/2/2/2/2/3/4/4/3/3/3/4/
4/3/2/2/2/2/2/2/2/1/2/5/5/3/3/2/3/3/3/3/5/4/3/2/3/1/*.5/3/C/M00067      20/Arbet
smarknad och socialtjanst                              20/Vuxen Missbruk        
                                      20/socialsekreterare                      
                     2/1/2/1/1/2/2/2/4/3/4/3/3/4/4/1/2/3/3/4/4/3/3/4/2/2/3/3/3/3
/3/4/4/4/5/4/2/2/2/1/2/2/3/3/4/4/4/*.3/3/3/2/1/3/2/3/2/4/4/3/C/M00068      20/St
adsomrade Oster                                           20/Utredning Oster    
                                         20/1:e socialsekreterare               
                        3/3/5/1/2/1/2/1/4/4/4/4/4/4/4/3/3/3/4/3/4/3/3/3/3/3/3/3/
3/3/3/2/3/3/3/4/1/1/2/1/3/3/3/3/5/4/4/3/3/2/3/3/2/3/3/3/3/2/3/3/C/M00070      20
/Stadsomrade Vaster                                          20/Forsorjningsstod
 Vaster                                     20/socialsekreterare                
                           1/2/3/3/3/1/1/1/3/3/2/4/4/4/5/3/3/3/2/3/2/3/1/1/2/3/3
/2/3/3/4/3/2/2/3/2/2/1/2/2/1/1/4/3/4/3/4/2/3/3/3/2/1/2/3/2/3/3/3/3/C/M00071     
 20/Stadsomrade Soder                                           20/Barn och fami
lj Soder                                       20/socialsekreterare             
                              3/2/3/1/1/3/4/3/3/3/*.3/3/*.4/2/*.3/3/4/3/4/2/2/3/
4/3/3/3/3/2/3/3/2/2/1/3/4/2/2/3/3/5/5/3/4/1/3/2/2/1/2/2/2/2/1/2/2/3/5/C/M00072  
    20/Stadsomrade Vaster                                          20/Barn och f
amilj Vaster                                      20/sektionschef               
                                 2/1/2/2/2/3/3/4/3/3/2/2/3/3/2/2/2/2/4/3/2/2/1/1
/3/2/3/2/2/2/3/3/4/4/3/3/1/1/*.4/2/2/5/4/5/5/5/3/2/2/2/4/3/1/4/3/5/4/5/3/C/M0007
6      20/Stadsomrade Norr                                            20/Forsorj
ningsstod Norr                                       20/socialsekreterare       
                                    1/1/1/2/3/2/2/2/2/2/2/2/3/3/4/3/4/3/2/2/1/2/
3/3/4/4/4/2/2/3/3/3/3/3/2/*.1/1/3/3/2/3/4/4/3/3/3/4/3/2/3/4/4/2/2/3/2/2/2/4/C/M0
0077      20/Stadsomrade Vaster                                          20/Fors
orjningsstod Vaster                                     20/socialsekreterare    
                                       2/3/4/3/3/2/*.2/4/4/4/2/4/4/4/2/2/2/3/3/2
/2/1/2/4/4/4/2/3/*.4/4/3/3/3/3/2/2/2/2/2/2/4/4/5/4/4/2/2/2/2/3/3/2/2/2/2/3/3/2/C
/M00078      20/Arbetsmarknad och socialtjanst                              20/F
orsorjningsstod Centrum                                    20/1:e socialsekreter
are                                       3/3/3/1/2/2/3/2/3/3/2/3/2/3/4/2/*.3/3/
4/3/4/2/3/2/3/2/3/2/3/5/5/3/2/2/1/2/3/3/3/2/2/5/4/3/3/4/4/2/2/2/3/2/2/3/3/4/2/2/
3/C/M00079      20/Stadsomrade Norr                                            2
0/Mottagning Barn Norr                                        20/socialsekretera
re                                           1/1/2/3/3/2/3/3/2/3/3/2/1/2/1/2/2/2
/4/3/3/3/3/3/3/3/2/3/4/3/2/2/3/4/4/4/2/2/2/2/3/2/4/4/5/4/4/3/3/2/2/2/1/3/3/3/3/4
/4/3/C/M00084      20/Stadsomrade Oster                                         
  20/Utredning Oster                                             20/socialsekret
erare                                           2/2/2/1/1/2/3/3/2/3/2/3/2/3/3/3/
2/3/2/2/2/2/3/3/2/2/3/3/2/4/3/3/5/3/4/3/2/3/3/2/3/2/3/4/3/3/4/2/2/3/3/3/2/2/2/2/
6/3/4/2/C/M00085      20/Arbetsmarknad och socialtjanst                         
     20/Enheten for hemlosa                                         20/socialsek
reterare                                           4/4/5/2/3/2/2/2/3/3/3/3/3/3/3
/3/2/2/2/2/2/2/3/3/3/3/3/3/3/3/3/*.5/2/3/2/2/2/3/*.2/2/3/3/5/5/4/3/4/4/3/4/4/3/3
/2/3/6/5/3/C/M00091      20/Stadsomrade Vaster                                  
        20/Barn och familj Vaster                                      20/social
sekreterare                                           *.1/2/2/3/1/1/2/2/2/1/2/3/
2/2/3/*.3/3/2/3/3/1/1/4/4/2/4/4/4/3/4/2/2/2/3/1/2/1/1/3/3/5/5/5/5/5/3/2/3/3/3/2/
2/3/3/2/4/4/2/C/M00094      20/Stadsomrade Oster                                
           20/Forsorjningsstod Oster                                      20/soc
ialsekreterare                                           3/2/4/1/1/1/2/1/4/4/3/4
/3/2/2/3/3/3/3/2/3/2/3/3/3/3/4/*.4/3/4/4/3/3/2/2/3/2/3/3/3/2/5/5/3/3/2/3/2/2/2/2
/2/2/2/2/2/3/3/3/C/M00097      20/Funktionsstod                                 
              20/Socialpsykiatri                                             20/
socialsekreterare                                           2/2/3/3/2/2/3/2/2/4/
2/5/3/5/5/3/3/2/2/2/3/3/3/4/3/2/3/3/4/4/2/2/2/2/1/1/4/4/3/2/2/*.4/4/5/4/5/3/2/1/
2/2/2/3/3/3/2/2/3/4/C/M00098      20/Stadsomrade Soder                          
                 20/Vuxen Soder                                                 
20/socialsekreterare                                           3/3/3/2/2/2/3/2/3
/4/4/3/3/3/3/1/1/1/2/3/3/2/3/3/3/3/3/2/3/3/3/3/3/4/4/4/3/3/2/2/3/3/5/4/3/*.3/3/4
/4/4/4/3/2/3/6/3/4/4/2/C/M00100      20/Stadsomrade Oster                       
                    20/Ensamkommande Oster                                      
   20/1:e socialsekreterare                                       2/1/3/3/3/2/2/
1/4/3/2/*.2/2/3/2/3/2/2/2/2/2/3/4/4/4/3/2/3/3/2/3/3/3/3/2/4/4/1/1/3/2/4/4/4/4/5/
3/4/3/3/3/3/3/2/3/3/3/3/2/C/M00103      20/Stadsomrade Vaster                   
                       20/Forsorjningsstod Vaster                               
      20/1:e socialsekreterare                                       1/1/1/3/4/2
/2/3/3/3/2/4/5/5/5/2/3/2/2/1/1/3/1/2/3/3/4/3/3/2/2/2/1/2/3/2/2/2/3/1/3/2/4/4/3/3
/4/1/3/3/3/3/2/2/2/2/2/4/4/3/C/M00105      20/Stadsomrade Oster                 
                          20/Barn och familj Oster                              
         20/sektionschef                                                1/1/1/3/
3/4/3/2/2/2/2/3/3/2/4/2/4/3/1/1/1/1/1/2/3/3/3/2/2/2/2/1/4/3/4/2/2/2/2/1/2/2/3/3/
4/4/3/3/3/3/3/4/4/2/3/3/3/4/3/3/C/M00108      20/Arbetsmarknad och socialtjanst 
                             20/Vuxen Missbruk                                  
            20/socialsekreterare                                           4/3/3
/2/2/3/5/2/2/3/4/4/4/*.4/1/2/2/3/3/3/2/3/3/2/2/3/3/2/3/4/4/1/3/3/4/2/3/1/1/2/2/5
/4/4/4/3/3/2/2/3/2/2/2/3/3/2/2/*.3/C/M00109      20/Arbetsmarknad och socialtjan
st                              20/Vuxen Missbruk                               
               20/socialsekreterare                                           3/
2/4/3/*.1/2/3/1/1/1/3/2/2/2/3/2/3/3/3/4/4/3/2/3/3/2/3/3/4/3/3/4/3/2/3/1/1/1/2/2/
1/4/*.3/3/3/4/2/2/3/4/3/2/3/3/3/4/4/3/C/M00110      20/Stadsomrade Norr         
                                   20/Forsorjningsstod Norr                     
                  20/socialsekreterare                                          
 2/2/3/3/3/*.2/3/3/3/3/4/3/3/3/2/2/2/2/2/2/2/2/2/4/4/2/2/2/2/3/3/2/3/2/2/2/2/3/2
/1/1/4/3/2/3/2/2/2/4/3/1/1/3/3/4/3/2/2/2/C/M00113      20/Stadsomrade Soder     
                                      20/Barn och familj Soder                  
                     20/1:e socialsekreterare                                   
    3/3/3/3/2/*.1/2/2/2/2/3/3/4/3/2/1/3/3/5/4/4/2/2/3/3/4/1/2/*.3/4/2/4/3/3/2/3/
3/3/2/1/4/5/3/2/1/3/2/2/2/4/3/4/2/1/2/4/4/2/C/M00114      20/Stadsomrade Vaster 
                                         20/Vuxen Vaster                        
                        20/socialsekreterare                                    
       3/3/2/3/3/2/3/3/2/2/2/4/3/4/4/3/4/4/4/3/2/3/2/2/5/5/4/2/2/2/3/4/4/1/3/2/1
/2/3/3/2/1/3/4/3/3/3/3/3/3/2/4/4/1/3/4/4/3/3/2/C/M00115      20/Stadsomrade Vast
er                                          20/Barn och familj Vaster           
                           20/socialsekreterare                                 
          2/2/3/3/3/2/2/3/1/2/1/2/2/2/*.2/2/3/3/2/3/3/2/2/3/3/2/1/1/2/3/3/3/4/3/
3/3/2/3/2/1/2/4/4/4/4/4/2/3/3/3/3/3/3/2/3/3/3/3/2/C/M00118      20/Stadsomrade S
oder                                           20/Barn och familj Soder         
                              20/socialsekreterare                              
             2/2/1/2/2/2/2/2/2/2/1/3/3/3/3/3/*.2/3/3/3/3/1/2/4/4/4/1/1/1/2/2/3/2
/2/3/2/3/3/2/2/2/4/3/3/3/3/3/*.4/4/3/3/3/6/3/3/3/4/3/C/M00119      20/Stadsomrad
e Oster                                           20/Forsorjningsstod Oster     
                                 20/socialsekreterare                           
                3/3/4/2/2/1/2/2/1/2/1/3/3/3/3/1/2/2/2/1/2/*.2/2/2/2/4/4/3/4/3/3/
4/3/3/2/3/3/*.2/3/2/4/3/3/3/2/3/3/3/3/3/3/3/2/2/2/4/3/3/C/M00120      20/Stadsom
rade Vaster                                          20/Forsorjningsstod Vaster 
                                    20/socialsekreterare                        
                   2/3/2/1/1/2/3/2/3/3/2/1/2/2/3/3/3/3/2/3/3/2/3/3/3/4/3/1/1/2/4
/4/3/3/2/3/3/3/2/1/2/3/4/4/3/3/3/3/2/3/2/3/4/3/3/2/2/4/4/2/C/M00121      20/Funk
tionsstod                                               20/LSS-handlaggning Vuxe
n                                      20/socialsekreterare                     
                      2/*.3/3/3/1/2/1/4/4/4/1/3/2/1/1/1/2/3/3/4/*.2/2/3/3/3/2/2/
2/4/4/1/3/4/3/2/1/4/2/2/3/4/4/3/4/4/4/3/3/3/2/2/3/2/2/2/3/3/4/C/M00122      20/S
tadsomrade Oster                                           20/Vuxen Oster       
                                          20/socialsekreterare                  
                         1/1/1/3/3/2/2/1/1/1/1/4/3/4/3/2/2/1/3/4/4/4/2/3/3/3/3/3
/3/3/2/2/4/3/2/4/3/3/1/1/1/1/2/3/5/5/5/4/3/2/2/3/3/3/3/3/2/4/3/3/C/M00124      2
0/Stadsomrade Norr                                            20/Barn och familj
 Norr                                        20/socialsekreterare               
                            2/2/3/1/1/1/1/2/2/2/3/4/5/5/4/2/1/1/4/3/3/3/2/2/3/4/
5/2/2/2/4/4/3/4/4/4/2/3/2/1/2/1/3/3/4/3/3/3/2/3/2/4/4/3/3/3/2/3/4/3/C/M00126    
  20/Stadsomrade Vaster                                          20/Mottagning V
aster                                           20/socialsekreterare            
                               1/1/2/4/4/1/1/1/3/3/3/4/4/3/5/3/2/3/3/4/3/3/1/2/4
/3/2/2/3/3/3/2/4/2/3/3/3/3/2/2/3/2/*.5/3/4/4/4/3/3/3/2/2/2/3/2/2/3/3/3/C/M00130 
     20/Arbetsmarknad och socialtjanst                              20/Socialjou
r                                                  20/1:e socialsekreterare     
                                  2/1/2/2/1/1/3/2/2/2/2/3/2/3/3/2/3/3/1/1/1/3/1/
1/2/2/2/3/3/4/2/3/2/2/2/3/2/3/2/2/2/1/5/5/4/3/3/2/4/3/3/2/3/1/2/2/2/6/4/3/C/M001
32      20/Stadsomrade Norr                                            20/Barn o
ch familj Norr                                        20/socialsekreterare      
                                     2/2/2/2/2/1/1/1/3/3/3/2/3/3/3/3/3/2/2/3/2/3
/1/2/3/3/2/2/4/3/3/2/2/3/3/4/2/1/2/3/*.2/4/3/4/4/3/3/2/1/2/4/3/3/6/3/4/3/4/4/C/M
00133      20/Arbetsmarknad och socialtjanst                              20/Mot
tagning Vuxen                                            20/1:e socialsekreterar
e                                       2/3/2/1/1/1/2/2/2/2/2/3/4/4/4/2/2/2/3/2/
3/2/2/2/4/3/3/2/2/2/3/4/2/3/2/2/2/3/2/1/2/2/5/5/3/3/3/4/2/1/1/2/3/2/2/2/2/3/3/2/
C/M00135      20/Stadsomrade Oster                                           20/
Ensamkommande Oster                                         20/1:e socialsekrete
rare                                       3/4/4/2/2/1/2/1/3/3/3/3/2/2/3/1/2/1/3
/2/3/3/1/1/4/4/2/3/4/3/*.4/4/3/3/3/3/3/3/3/2/2/4/4/3/3/3/3/4/2/3/2/3/2/2/3/2/3/4
/2/C/M00138      20/Arbetsmarknad och socialtjanst                              
20/Enheten for hemlosa                                         20/administrator 
                                              1/2/3/2/2/3/3/4/2/3/2/4/4/4/4/2/3/
2/3/2/2/3/2/2/2/2/3/2/1/1/5/5/3/4/4/3/3/3/4/2/2/2/5/4/3/3/4/3/2/1/2/4/3/3/3/2/3/
3/2/4/C/M00139      20/Funktionsstod                                            
   20/Socialpsykiatri                                             20/sektionsche
f                                                3/3/3/1/2/2/3/3/4/4/5/2/2/1/*.2
/3/2/3/3/2/4/2/2/2/2/5/2/3/2/3/3/3/3/3/3/3/3/3/3/1/2/5/5/4/5/4/1/2/3/4/2/1/4/3/5
/3/3/3/4/C/M00140      20/Stadsomrade Soder                                     
      20/Barn och familj Soder                                       20/sektions
chef                                                2/2/2/3/2/2/3/3/3/2/2/2/3/2/
2/2/3/2/3/3/4/3/2/3/*.5/3/2/2/2/2/3/3/3/4/4/2/2/3/3/3/3/4/5/5/*.3/2/3/3/4/2/2/1/
4/3/2/3/4/3/C/M00141      20/Stadsomrade Soder                                  
         20/Barn och familj Soder                                       20/     
                                                       3/2/4/2/2/3/4/3/3/2/2/3/3
/2/3/3/3/3/2/1/2/2/2/2/3/3/3/4/3/4/3/3/2/2/2/2/3/2/2/1/2/2/5/4/4/3/2/3/1/3/2/2/1
/3/2/3/4/3/3/2/C/M00145      20/Stadsomrade Oster                               
            20/Barn och familj Oster                                       20/so
cialsekreterare                                           2/3/2/2/3/1/1/1/2/3/2/
3/4/5/5/3/2/2/3/3/3/2/3/4/2/2/4/3/3/3/2/3/4/2/3/3/3/4/3/2/3/3/3/3/5/4/4/3/2/3/3/
2/2/3/2/2/3/3/3/2/C/M00148      20/Stadsomrade Soder                            
               20/Barn och familj Soder                                       20
/1:e socialsekreterare                                       2/2/3/2/3/2/2/2/2/2
/2/2/2/3/1/*.2/2/4/5/3/3/3/3/3/3/3/2/3/3/4/3/3/4/3/2/4/4/2/2/3/3/4/3/4/4/3/4/3/3
/3/3/3/2/1/2/1/4/4/3/C/M00150      20/Stadsomrade Soder                         
                  20/Familjehem Soder                                           
 20/1:e socialsekreterare                                       2/2/2/3/2/3/3/2/
4/4/4/3/4/5/4/2/2/2/3/4/3/4/3/3/2/2/3/3/3/2/4/4/4/3/3/3/2/3/2/2/2/2/5/4/3/3/3/4/
2/2/2/2/2/1/3/3/3/3/3/1/C/M00152      20/Arbetsmarknad och socialtjanst         
                     20/Vuxen Missbruk                                          
    20/socialsekreterare                                           3/3/3/1/1/3/5
/3/1/3/2/3/2/4/4/2/2/1/5/4/4/4/3/3/2/3/3/2/2/2/3/2/2/3/4/3/3/3/2/1/1/2/4/4/4/*.*
.*.*.*.*.*.*.*.*.*.*.*.*.*.C/M00154      20/Funktionsstod                       
                        20/Socialpsykiatri                                      
       20/socialsekreterare                                           *.1/2/3/3/
3/2/3/2/2/1/5/3/3/4/3/4/3/3/2/2/4/2/2/4/*.2/3/2/3/3/4/3/2/2/2/3/3/2/3/2/2/5/4/4/
4/4/2/3/3/4/4/3/3/3/2/3/2/3/4/C/M00157      20/Funktionsstod                    
                           20/LSS-handlaggning Barn                             
          20/socialsekreterare                                           3/3/3/1
/2/2/3/2/4/3/2/3/3/2/2/2/3/2/3/5/4/*.2/2/1/2/4/1/1/1/2/3/3/3/3/2/3/3/1/2/2/1/4/5
/3/2/3/4/2/1/1/3/3/2/2/3/4/2/3/3/C/M00158      20/Stadsomrade Norr              
                              20/Vuxen Norr                                     
             20/socialsekreterare                                           2/2/
2/2/1/2/2/2/2/3/2/3/2/3/3/3/3/3/3/3/3/2/1/1/3/2/3/2/2/2/3/3/4/3/3/4/2/2/2/2/2/2/
4/4/3/4/2/3/2/1/2/3/3/3/3/3/3/4/4/2/C/M00160      20/Stadsomrade Norr           
                                 20/Barn och familj Norr                        
                20/socialsekreterare                                           3
/4/4/3/4/2/2/3/1/2/1/3/4/4/3/3/3/3/3/3/3/3/1/1/4/4/2/2/2/3/4/4/3/3/4/4/3/3/3/3/3
/3/4/3/4/3/3/3/3/3/4/4/3/2/3/3/3/3/3/3/C/M00162      20/Stadsomrade Soder       
                                    20/Forsorjningsstod Soder                   
                   20/sektionschef                                              
  3/3/4/2/2/2/3/3/3/5/4/3/2/2/3/2/2/2/4/3/2/3/2/2/2/2/2/2/2/3/2/3/4/4/3/3/1/2/3/
2/2/2/5/5/4/4/3/3/3/2/2/3/2/2/2/2/2/3/3/3/C/M00163      20/Stadsomrade Vaster   
                                       20/Barn och familj Vaster                
                      20/socialsekreterare                                      
     3/3/3/1/1/2/3/2/2/2/2/3/3/3/3/1/2/2/5/4/4/4/3/3/4/3/2/3/5/4/4/4/4/3/3/3/3/3
/3/2/1/2/5/4/3/3/3/3/2/3/3/3/2/2/3/4/6/4/5/3/C/M00164      20/Stadsomrade Vaster
                                          20/Vuxen Vaster                       
                         20/socialsekreterare                                   
        2/3/*.2/2/2/2/3/2/3/2/4/4/5/5/3/3/4/3/3/2/2/2/2/3/3/2/3/3/4/*.3/3/2/2/2/
2/3/3/3/3/2/3/3/4/3/3/2/*.*.3/2/2/2/2/1/2/4/4/2/C/M00167      20/Stadsomrade Vas
ter                                          20/Barn och familj Vaster          
                            20/socialsekreterare                                
           2/1/1/2/2/2/2/2/3/3/3/3/3/3/3/2/2/2/5/3/3/3/3/3/3/2/2/4/4/3/2/3/2/3/3
/3/2/2/2/2/2/1/4/3/4/3/3/4/3/4/4/3/3/2/1/2/2/3/3/3/C/M00170      20/Stadsomrade 
Oster                                           20/Barn och familj Oster        
                               20/1:e socialsekreterare                         
              2/3/2/2/1/3/3/3/3/3/2/2/3/2/4/3/2/2/4/4/3/4/2/2/3/3/3/2/2/2/3/3/2/
4/5/3/1/1/2/2/2/2/4/3/3/2/3/3/3/2/2/3/2/1/3/4/4/5/4/3/C/M00171      20/Arbetsmar
knad och socialtjanst                              20/Forsorjningsstod Centrum  
                                  20/socialsekreterare                          
                 2/3/3/1/2/1/4/1/2/3/2/2/2/3/2/2/3/3/4/4/3/3/1/1/4/4/4/3/3/4/3/4
/2/3/3/2/2/3/2/1/1/1/4/5/2/2/3/3/5/3/4/3/3/3/4/4/4/2/3/4/C/M00177      20/Stadso
mrade Norr                                            20/Forsorjningsstod Norr  
                                     20/socialsekreterare                       
                    2/2/2/2/2/3/3/4/*.*.4/3/3/2/2/2/2/2/2/3/3/2/1/1/4/3/3/3/3/2/
4/4/3/3/3/2/2/2/3/3/2/2/*.4/3/3/3/3/1/2/2/2/2/2/3/2/*.6/2/3/C/M00178      20/Sta
dsomrade Soder                                           20/Forsorjningsstod Sod
er                                      20/socialsekreterare                    
                       2/3/3/2/*.2/3/2/3/3/2/3/3/3/3/2/3/2/3/3/4/4/1/1/2/3/3/3/3
/3/3/4/2/3/2/3/1/1/2/2/3/2/5/5/5/4/*.4/3/3/3/2/2/4/2/2/2/4/3/3/C/M00180      20/
Arbetsmarknad och socialtjanst                              20/Enheten for hemlo
sa                                         20/1:e socialsekreterare             
                          2/2/3/2/3/2/3/3/2/2/2/2/4/3/2/2/2/3/3/3/3/3/1/2/3/3/4/
3/4/3/1/2/4/3/3/2/3/2/3/3/3/3/3/2/5/4/4/3/4/3/4/2/2/3/3/2/2/3/3/4/C/M00183      
20/Stadsomrade Oster                                           20/Forsorjningsst
od Oster                                      20/sektionschef                   
                             1/2/2/2/3/3/4/4/4/3/4/2/2/3/2/2/1/1/2/2/2/3/1/2/3/3
/3/2/2/1/4/4/3/4/2/1/4/4/3/3/2/2/5/5/3/3/3/3/3/2/2/4/5/2/2/4/6/3/4/2/C/M00185   
   20/Stadsomrade Norr                                            20/Barn och fa
milj Norr                                        20/socialsekreterare           
                                4/3/4/2/3/2/3/1/4/4/3/5/3/5/4/2/2/1/4/3/3/2/2/3/
5/5/3/2/4/3/3/3/3/3/4/3/3/4/2/2/2/2/5/5/4/4/5/3/4/4/5/3/4/1/3/2/6/4/5/2/C/M00187
      20/Stadsomrade Norr                                            20/Barn och
 familj Norr                                        20/socialsekreterare        
                                   2/2/2/2/2/1/2/1/2/3/2/5/4/4/4/3/4/3/1/2/2/3/2
/2/3/4/3/2/3/3/4/4/3/1/2/3/2/3/3/3/2/3/5/4/3/3/3/4/3/3/3/3/3/1/2/3/3/3/4/3/C/M00
189      20/Arbetsmarknad och socialtjanst                              20/Motta
gning Vuxen                                            20/socialsekreterare     
                                      2/2/*.1/1/3/3/3/2/2/2/4/4/4/5/3/3/3/4/2/3/
3/1/1/1/2/2/2/2/3/3/3/2/3/2/2/3/3/1/1/3/3/4/4/2/2/2/2/2/1/1/4/3/1/1/1/2/3/3/2/C/
M00190      20/Stadsomrade Oster                                           20/En
samkommande Oster                                         20/socialsekreterare  
                                         3/1/4/2/2/3/3/3/3/4/4/3/2/4/3/3/3/3/2/3
/2/2/2/3/3/3/3/3/3/3/3/3/3/5/4/3/4/3/3/2/3/2/3/3/3/3/3/3/2/2/2/3/3/4/3/2/4/4/4/4
/C/M00191      20/Stadsomrade Norr                                            20
/Mottagning Barn Norr                                        20/socialsekreterar
e                                           3/3/3/2/1/2/2/2/5/5/5/2/2/4/4/4/4/3/
5/4/5/4/1/2/3/3/3/2/3/2/2/3/2/3/2/3/4/3/3/3/3/3/4/5/4/4/4/1/2/3/2/1/1/2/2/2/2/2/
3/2/C/M00193      20/Funktionsstod                                              
 20/LSS-handlaggning Barn                                       20/socialsekrete
rare                                           5/4/4/1/1/2/2/2/2/2/2/1/2/1/2/4/3
/3/5/4/3/4/1/1/4/4/4/2/1/1/3/3/3/3/2/2/2/3/2/2/2/2/4/4/4/4/4/3/2/2/1/3/2/3/3/3/3
/6/4/2/C/M00197      20/Stadsomrade Soder                                       
    20/Barn och familj Soder                                       20/1:e social
sekreterare                                       2/2/3/2/1/2/1/1/2/3/*.2/3/3/3/
1/1/2/3/3/2/2/1/2/4/4/4/2/2/2/2/3/4/3/2/3/2/2/2/1/3/3/4/4/4/3/3/3/3/2/3/*.2/1/3/
3/3/4/3/3/C/M00198      20/Stadsomrade Vaster                                   
       20/Barn och familj Vaster                                      20/socials
ekreterare                                           2/2/3/1/2/2/2/3/3/3/3/3/3/3
/2/3/3/3/3/3/2/2/2/2/2/2/3/1/3/3/5/4/3/3/1/1/3/3/3/2/2/2/5/4/5/5/5/3/1/2/2/3/2/3
/5/6/4/3/3/2/C/M00201      20/Stadsomrade Oster                                 
          20/Vuxen Oster                                                 20/soci
alsekreterare                                           3/2/3/4/4/2/2/3/4/4/4/3/
3/3/4/1/2/2/4/4/4/4/1/1/3/2/3/3/3/4/3/2/2/2/3/2/1/2/3/*.2/1/5/4/5/4/4/3/4/3/3/5/
4/2/2/3/3/5/5/4/C/M00203      20/Arbetsmarknad och socialtjanst                 
             20/Socialjour                                                  20/s
ocialsekreterare                                           2/1/2/3/2/3/3/2/2/2/3
/4/5/4/4/3/3/3/4/4/4/5/1/1/2/*.4/3/3/*.3/3/3/3/2/2/2/2/2/2/1/1/4/3/3/2/2/3/4/4/4
/3/2/2/2/3/2/2/2/3/C/M00204      20/Arbetsmarknad och socialtjanst              
                20/Enheten for hemlosa                                         2
0/socialsekreterare                                           3/2/3/4/4/3/3/3/3/
2/2/3/1/3/3/1/2/2/4/3/2/3/2/3/3/3/3/2/2/2/4/4/4/4/3/5/1/2/*.1/2/2/3/4/3/3/3/3/3/
4/3/3/2/2/4/2/3/3/3/*.C/M00205      20/Stadsomrade Norr                         
                   20/Forsorjningsstod Norr                                     
  20/                                                            3/2/2/3/3/2/3/2
/4/3/3/4/3/4/4/3/3/2/2/1/2/3/2/3/3/3/3/3/3/4/3/4/2/2/2/2/3/2/3/2/1/2/3/3/3/3/2/4
/4/4/3/*.2/2/3/2/3/6/4/3/C/M00206      20/Arbetsmarknad och socialtjanst        
                      20/Vuxen Missbruk                                         
     20/socialsekreterare                                           2/3/4/2/2/3/
4/3/3/4/3/3/3/3/*.2/3/3/2/2/2/3/1/1/3/4/3/2/2/3/3/4/2/3/3/3/1/1/*.1/1/1/5/5/4/4/
4/2/3/2/3/3/2/2/2/6/2/4/4/3/C/M00207      20/Stadsomrade Oster                  
                         20/Forsorjningsstod Oster                              
        20/1:e socialsekreterare                                       3/7/3/2/2
/1/2/1/3/4/2/4/3/4/2/2/2/1/4/3/*.3/2/2/5/5/3/4/4/3/3/2/5/3/3/3/3/3/3/2/2/2/5/*.4
/3/3/2/1/2/2/3/4/3/3/2/3/3/3/3/C/M00208      20/Stadsomrade Oster               
                            20/Barn och familj Oster                            
           20/socialsekreterare                                           3/3/2/
2/3/3/5/2/2/3/3/3/2/3/3/2/2/2/3/2/3/2/3/2/2/2/*.2/2/3/3/3/3/3/3/4/3/3/2/2/1/1/4/
4/5/5/4/*.2/3/2/4/2/3/6/3/3/3/4/1/C/M00209      20/Stadsomrade Vaster           
                               20/Forsorjningsstod Vaster                       
              20/socialsekreterare                                           2/2
/4/2/2/1/1/1/3/3/3/3/2/3/*.4/3/4/2/1/1/2/1/2/4/4/2/3/3/3/3/3/2/5/3/4/2/2/3/3/2/3
/5/5/4/4/4/4/3/2/3/2/1/3/3/3/2/2/3/4/C/M00210      20/Stadsomrade Oster         
                                  20/Barn och familj Oster                      
                 20/sektionschef                                                
2/2/3/3/3/3/4/3/3/4/4/4/3/3/4/3/3/3/4/4/3/3/2/2/4/3/3/1/2/1/2/2/2/3/2/2/3/3/4/3/
1/1/4/3/4/3/4/3/4/4/4/4/4/2/1/1/2/1/2/3/C/M00211      20/Stadsomrade Norr       
                                     20/Barn och familj Norr                    
                    20/1:e socialsekreterare                                    
   1/1/2/2/3/1/2/1/4/4/4/4/4/4/3/4/4/3/3/2/2/1/3/3/4/4/4/*.2/2/2/2/2/2/1/1/2/2/3
/3/2/2/5/5/5/5/5/3/3/4/3/3/2/2/4/5/4/4/4/2/C/M00214      20/Arbetsmarknad och so
cialtjanst                              20/Enheten for hemlosa                  
                       20/socialsekreterare                                     
      1/1/2/2/2/3/3/3/2/2/2/3/3/2/*.3/3/2/2/3/4/2/2/2/2/1/3/2/3/2/4/3/2/4/4/3/2/
2/3/3/1/1/4/3/3/4/4/2/4/3/2/3/3/3/2/2/2/3/3/2/C/M00216      20/Arbetsmarknad och
 socialtjanst                              20/Mottagning Vuxen                  
                          20/1:e socialsekreterare                              
         2/3/2/2/3/3/4/3/2/1/1/3/3/4/3/3/3/4/2/3/2/2/3/3/3/3/3/2/2/2/3/4/3/2/1/1
/3/3/2/2/3/3/5/5/4/3/5/3/3/2/2/2/2/3/1/*.2/3/3/1/C/M00217      20/Stadsomrade Va
ster                                          20/Forsorjningsstod Vaster        
                             20/socialsekreterare                               
            2/2/2/1/1/1/2/2/2/1/2/5/4/*.4/2/3/2/3/3/3/3/2/2/2/4/2/2/3/2/4/4/2/2/
2/2/3/3/3/3/2/2/4/4/3/4/3/3/1/1/2/2/2/1/1/2/2/4/4/2/C/M00220      20/Stadsomrade
 Vaster                                          20/Forsorjningsstod Vaster     
                                20/socialsekreterare                            
               1/1/1/1/1/2/3/3/3/2/2/4/4/4/5/2/4/3/3/3/3/3/2/1/3/3/4/3/3/4/5/4/2
/4/4/3/3/3/3/3/1/1/5/5/3/5/4/4/3/3/*.2/2/2/1/2/2/3/3/3/C/M00222      20/Stadsomr
ade Norr                                            20/Vuxen Norr               
                                   20/1:e socialsekreterare                     
                  1/1/2/1/2/1/2/2/2/3/2/5/4/4/4/2/3/2/4/3/3/5/2/2/2/2/3/3/2/3/1/
2/3/3/3/3/2/3/3/2/2/1/3/4/4/3/3/2/3/2/3/2/1/3/3/2/2/3/3/2/C/M00223      20/Arbet
smarknad och socialtjanst                              20/Enheten for hemlosa   
                                      20/socialsekreterare                      
                     3/2/3/1/1/3/3/2/3/3/3/2/3/3/3/2/3/2/3/2/2/2/2/3/3/3/4/2/3/3
/3/3/3/3/3/4/3/3/2/2/3/2/5/5/3/3/3/3/4/3/4/4/2/3/3/3/3/3/2/3/C/M00226      20/Fu
nktionsstod                                               20/LSS-handlaggning Ba
rn                                       20/socialsekreterare                   
                        2/2/2/1/2/1/3/2/3/4/3/2/5/3/3/3/3/3/4/4/4/4/3/2/*.3/4/3/
3/3/4/4/3/3/3/3/2/1/1/1/1/1/2/2/5/4/3/4/3/3/3/2/3/3/*.4/4/2/3/2/C/M00228      20
/Stadsomrade Vaster                                          20/Forsorjningsstod
 Vaster                                     20/socialsekreterare                
                           *.3/3/2/2/1/1/*.4/5/4/1/1/1/2/2/2/1/3/2/1/2/2/2/4/5/3
/3/3/4/4/3/3/3/3/2/2/2/2/*.2/3/4/4/3/4/3/*.2/1/1/2/2/2/3/2/2/3/3/1/C/M00235     
 20/Arbetsmarknad och socialtjanst                              20/Forsorjningss
tod Centrum                                    20/1:e socialsekreterare         
                              3/3/3/3/4/2/3/*.4/4/3/2/3/2/2/2/2/2/3/3/3/3/1/2/2/
2/4/*.1/1/3/4/3/2/3/3/1/1/2/2/3/2/5/4/3/4/3/3/3/2/3/4/4/2/2/2/2/4/4/2/C/M00238  
    20/Stadsomrade Norr                                            20/Mottagning
 Barn Norr                                        20/socialsekreterare          
                                 2/1/2/3/3/2/2/2/2/3/1/3/3/3/3/3/4/4/2/2/2/2/2/3
/2/2/3/1/2/2/3/4/3/4/3/3/3/3/3/3/3/2/4/3/4/4/4/2/2/2/3/2/2/2/3/2/3/3/3/3/C/M0024
1      20/Stadsomrade Norr                                            20/Barn oc
h familj Norr                                        20/socialsekreterare       
                                    3/2/2/3/4/1/2/1/2/2/2/4/4/4/4/1/4/3/4/3/4/4/
2/2/1/1/4/3/3/4/3/4/2/2/3/2/1/2/3/3/2/3/4/5/3/3/3/1/3/3/3/3/4/2/4/5/3/4/4/4/C/M0
0244      20/Stadsomrade Soder                                           20/Vuxe
n Soder                                                 20/socialsekreterare    
                                       2/3/3/2/2/2/3/2/2/2/2/2/2/2/3/1/2/1/3/3/4
/3/2/3/4/4/3/*.3/4/3/3/3/2/3/2/4/3/3/2/3/3/4/3/4/3/3/4/2/2/3/3/3/1/3/2/3/2/3/3/C
/M00245      20/Funktionsstod                                               20/L
SS-handlaggning Vuxen                                      20/1:e socialsekreter
are                                       3/2/3/*.3/3/2/3/4/3/3/4/3/4/3/2/2/2/4/
4/5/4/3/2/2/3/3/3/3/3/4/3/3/2/4/3/3/3/2/2/1/2/4/4/4/4/4/3/2/3/2/3/3/1/3/1/2/3/3/
3/C/M00246      20/Stadsomrade Oster                                           2
0/Ensamkommande Oster                                         20/socialsekretera
re                                           3/2/2/1/1/3/4/4/4/4/4/4/3/4/3/4/4/4
/4/5/4/5/3/4/4/3/1/3/4/3/3/3/2/2/4/4/2/3/1/1/2/2/4/3/5/4/3/1/3/2/3/3/3/2/3/3/4/2
/1/3/C/M00247      20/Stadsomrade Norr                                          
  20/Vuxen Norr                                                  20/socialsekret
erare                                           3/2/3/2/1/1/1/1/2/3/3/4/3/3/3/2/
2/*.4/3/4/4/1/2/2/3/3/2/1/2/2/3/2/3/2/2/3/3/3/2/2/2/4/4/3/3/2/1/2/2/2/2/1/2/1/1/
1/3/4/3/C/M00248      20/Stadsomrade Oster                                      
     20/Barn och familj Oster                                       20/socialsek
reterare                                           3/*.3/2/2/2/2/2/3/3/*.2/2/4/3
/4/4/3/3/3/3/4/2/3/2/3/4/2/3/2/2/2/2/3/4/3/2/2/3/3/2/2/4/3/5/4/5/3/3/3/3/3/3/2/4
/2/3/3/4/4/C/M00249      20/Arbetsmarknad och socialtjanst                      
        20/Vuxen Missbruk                                              20/social
sekreterare                                           2/2/2/1/1/1/2/1/3/3/3/4/3/
5/4/1/1/1/3/3/3/4/2/3/1/1/3/2/2/3/3/4/3/3/2/2/3/2/3/2/1/1/4/4/5/4/4/4/3/3/3/5/4/
3/3/2/3/4/3/2/C/M00251      20/Funktionsstod                                    
           20/LSS-handlaggning Barn                                       20/soc
ialsekreterare                                           2/2/3/1/1/4/4/4/3/3/3/4
/3/4/4/3/3/2/4/3/4/4/2/3/4/5/4/3/3/3/2/2/3/3/3/3/3/3/6/6/2/2/5/5/5/4/4/4/2/2/3/2
/3/1/3/3/4/3/3/3/C/M00252      20/Arbetsmarknad och socialtjanst                
              20/Forsorjningsstod Centrum                                    20/
socialsekreterare                                           2/3/2/2/2/3/4/3/3/4/
3/4/4/3/4/2/3/3/3/3/2/3/2/2/2/2/3/2/4/4/3/3/3/3/3/2/2/2/1/2/2/2/4/4/4/3/4/3/1/1/
2/1/2/3/3/3/3/3/6/3/C/M00253      20/Arbetsmarknad och socialtjanst             
                 20/Mottagning Vuxen                                            
20/1:e socialsekreterare                                       2/2/1/2/2/2/2/3/2
/2/2/3/4/4/4/3/3/3/3/3/2/2/2/2/2/3/2/3/3/3/2/2/4/3/3/4/2/3/2/3/2/2/4/4/5/4/4/4/2
/2/2/2/3/4/3/2/3/3/3/1/C/M00256      20/Stadsomrade Soder                       
                    20/Forsorjningsstod Soder                                   
   20/socialsekreterare                                           1/1/2/3/2/1/3/
2/2/4/4/3/4/3/3/3/4/3/3/2/2/2/2/2/2/2/3/2/2/3/2/2/2/1/2/1/3/3/1/1/2/2/4/3/4/3/4/
3/3/2/2/2/2/3/3/4/4/4/3/2/C/M00257      20/Funktionsstod                        
                       20/LSS-handlaggning Vuxen                                
      20/socialsekreterare                                           2/2/2/3/3/2
/2/2/1/3/2/3/2/3/3/3/3/3/3/2/3/3/*.4/3/3/2/2/3/2/3/4/2/2/2/3/3/2/3/3/3/3/4/3/4/4
/4/2/3/2/2/3/3/1/4/4/2/2/2/4/C/M00261      20/Stadsomrade Vaster                
                          20/Forsorjningsstod Vaster                            
         20/socialsekreterare                                           3/4/4/1/
2/2/3/3/2/1/2/3/3/3/3/2/3/2/5/4/5/4/2/1/4/4/2/2/1/3/3/4/3/2/2/2/3/2/3/3/4/2/4/4/
4/4/3/2/1/1/2/4/3/*.3/2/3/3/3/4/C/M00262      20/Stadsomrade Norr               
                             20/Forsorjningsstod Norr                           
            20/socialsekreterare                                           2/3/3
/3/3/2/3/2/2/3/2/3/2/3/3/3/3/2/3/4/3/3/*.3/4/4/3/2/3/2/5/4/2/2/2/2/2/2/2/2/2/1/3
/4/5/5/4/2/3/3/3/3/4/4/2/2/2/6/4/3/C/M00264      20/Stadsomrade Norr            
                                20/Barn och familj Norr                         
               20/socialsekreterare                                           2/
2/3/2/2/1/2/1/3/4/2/3/3/3/2/3/3/3/5/4/4/4/1/2/4/3/3/3/4/3/2/2/2/2/3/3/3/4/3/3/2/
2/4/5/3/2/1/2/2/2/3/4/4/2/2/2/1/2/3/3/C/M00274      20/Stadsomrade Soder        
                                   20/Forsorjningsstod Soder                    
                  20/socialsekreterare                                          
 3/2/3/1/1/2/3/2/2/2/2/4/4/4/5/3/4/3/5/3/4/4/2/2/2/2/3/2/2/2/2/4/2/1/2/2/2/2/2/2
/2/2/4/4/4/4/5/2/3/4/3/2/2/2/3/2/2/3/4/2/C/M00281      20/Funktionsstod         
                                      20/LSS-handlaggning Vuxen                 
                     20/socialsekreterare                                       
    2/2/4/2/4/1/2/2/5/4/4/4/4/4/4/1/1/1/3/3/3/3/1/1/3/3/3/1/1/1/3/4/3/2/3/2/2/2/
2/1/3/3/4/4/3/3/3/2/2/1/1/4/3/1/2/3/2/4/4/2/C/M00284      20/Stadsomrade Soder  
                                         20/Forsorjningsstod Soder              
                        20/socialsekreterare                                    
       2/2/3/1/2/3/5/4/4/4/4/3/2/3/3/2/2/1/5/5/4/4/1/1/1/2/3/2/2/4/3/2/3/3/3/3/2
/3/2/*.2/1/4/4/3/3/3/3/2/*.1/3/2/3/2/2/*.4/4/3/C/M00285      20/Funktionsstod   
                                            20/LSS-handlaggning Vuxen           
                           20/1:e socialsekreterare                             
          2/1/2/3/3/2/1/3/3/4/3/2/3/3/4/4/3/2/2/3/2/3/2/2/4/4/3/2/3/3/4/4/3/3/3/
3/3/1/2/3/3/3/3/3/4/4/4/2/2/2/2/3/3/1/4/3/3/3/3/4/C/M00286      20/Stadsomrade O
ster                                           20/Forsorjningsstod Oster        
                              20/socialsekreterare                              
             1/1/3/1/2/2/3/3/3/3/3/3/3/3/3/2/2/3/5/5/5/4/2/2/2/3/4/4/4/4/4/3/4/1
/2/1/2/2/3/3/2/2/5/5/3/2/2/3/1/3/1/3/3/2/1/2/1/3/3/4/C/M00287      20/Funktionss
tod                                               20/Funktionsstod Stab         
                                 20/socialsekreterare                           
                3/4/3/2/2/2/3/3/2/3/3/2/2/3/2/3/2/3/4/4/4/4/1/1/4/4/3/2/2/2/3/3/
4/3/3/1/2/3/1/1/2/2/5/5/2/2/1/3/3/3/3/4/3/2/3/3/3/3/3/2/C/M00290      20/Funktio
nsstod                                               20/LSS-handlaggning Vuxen  
                                    20/socialsekreterare                        
                   2/2/3/4/3/3/4/3/2/2/3/3/3/1/3/3/3/3/4/4/3/3/3/3/3/3/3/2/3/1/3
/3/3/3/3/3/3/2/3/3/2/1/4/4/5/5/*.3/3/1/1/3/2/2/6/3/2/3/3/4/C/M00291      20/Stad
somrade Norr                                            20/Barn och familj Norr 
                                       20/socialsekreterare                     
                      3/3/3/3/2/3/4/3/2/3/4/3/2/3/4/2/*.2/3/3/2/3/1/1/4/3/4/2/2/
2/4/5/3/4/5/4/2/2/2/2/2/1/5/5/4/4/4/4/2/2/2/3/3/1/6/4/3/3/3/3/C/M00292      20/F
unktionsstod                                               20/LSS-handlaggning V
uxen                                      20/socialsekreterare                  
                         3/1/2/1/2/1/2/2/2/3/2/3/3/5/3/2/2/2/2/4/3/2/*.3/3/4/2/*
.4/3/4/4/4/3/3/3/4/4/1/1/2/2/3/3/4/5/4/1/3/3/3/3/3/3/3/2/2/3/4/2/C/M00295      2
0/Arbetsmarknad och socialtjanst                              20/Enheten for hem
losa                                         20/socialsekreterare               
                            1/1/1/3/3/1/2/2/3/4/3/5/3/4/4/3/2/2/3/2/3/2/2/3/2/2/
3/2/3/3/4/4/*.4/4/3/2/2/2/2/2/2/3/*.4/4/4/3/5/4/4/2/2/3/4/4/3/3/3/2/C/M00296    
  20/Stadsomrade Oster                                           20/Utredning Os
ter                                             20/socialsekreterare            
                               2/2/3/1/2/2/2/1/4/3/3/2/2/3/3/1/2/1/4/3/3/3/2/2/3
/3/4/2/*.2/2/2/4/4/3/3/2/2/2/1/2/1/4/4/3/3/4/3/4/4/3/4/3/2/2/3/3/3/3/4/C/M00297 
     20/Stadsomrade Norr                                            20/Vuxen Nor
r                                                  20/1:e socialsekreterare     
                                  3/3/4/3/3/2/3/3/4/4/3/3/4/4/4/3/3/3/3/3/3/3/1/
2/3/3/3/1/1/1/3/3/2/3/*.2/3/3/2/2/2/2/5/5/4/5/4/3/1/3/2/3/2/3/1/1/1/4/4/3/C/M003
04      20/Stadsomrade Oster                                           20/Barn o
ch familj Oster                                       20/socialsekreterare      
                                     2/2/3/3/3/2/3/3/2/2/3/4/4/4/5/3/3/3/5/4/4/3
/2/2/3/3/3/2/1/2/3/4/3/4/4/3/3/4/2/2/2/2/3/3/5/4/4/3/4/3/4/3/3/3/5/5/5/4/4/3/C/M
00305      20/Stadsomrade Norr                                            20/Vux
en Norr                                                  20/socialsekreterare   
                                        3/2/3/2/2/2/4/3/2/2/3/5/4/*.5/1/1/2/*.4/
3/3/1/2/3/4/2/3/3/3/2/3/1/3/3/3/2/2/4/3/3/2/4/4/5/5/4/3/3/1/2/3/2/2/3/3/2/3/3/2/
C/M00306      20/Stadsomrade Vaster                                          20/
Barn och familj Vaster                                      20/socialsekreterare
                                           3/2/2/1/2/4/2/2/*.3/3/4/5/5/5/4/3/3/4
/4/4/3/*.1/3/3/2/1/1/1/3/3/3/2/1/1/2/3/1/1/1/1/5/5/4/4/3/2/3/3/3/3/3/2/3/4/6/3/3
/3/C/M00309      20/Stadsomrade Oster                                           
20/Forsorjningsstod Oster                                      20/socialsekreter
are                                           2/3/3/2/2/2/2/2/3/2/3/4/3/3/3/3/4/
3/4/1/2/2/2/3/4/4/3/1/2/2/3/4/3/3/2/3/1/2/1/1/2/2/5/4/3/2/3/5/3/3/2/4/4/2/3/2/2/
3/3/2/C/M00315      20/Arbetsmarknad och socialtjanst                           
   20/Forsorjningsstod Centrum                                    20/socialsekre
terare                                           2/2/2/3/3/3/2/*.2/2/2/2/3/2/1/2
/1/2/4/3/4/3/1/2/3/3/3/2/2/2/4/4/4/4/4/3/3/3/1/1/2/2/4/5/2/3/2/4/2/3/2/4/3/3/3/2
/2/3/3/3/C/M00316      20/Stadsomrade Vaster                                    
      20/Forsorjningsstod Vaster                                     20/socialse
kreterare                                           2/1/2/2/2/*.3/2/3/3/3/3/4/4/
4/3/3/3/5/4/4/3/4/4/5/4/3/2/2/3/3/3/3/2/3/2/2/2/2/1/2/2/4/3/4/5/3/4/2/1/2/3/3/1/
3/3/3/5/6/2/C/M00317      20/Stadsomrade Soder                                  
         20/Barn och familj Soder                                       20/socia
lsekreterare                                           2/2/3/2/2/2/1/3/2/3/2/5/5
/5/5/3/3/3/4/5/3/5/2/2/3/3/3/2/3/2/2/4/4/2/2/2/2/3/2/2/2/2/4/4/3/3/3/3/3/4/4/4/3
/2/2/2/2/3/3/4/C/M00324      20/Stadsomrade Soder                               
            20/Barn och familj Soder                                       20/so
cialsekreterare                                           2/3/3/3/2/3/3/3/3/3/2/
5/5/4/5/4/5/5/4/3/3/4/2/2/3/3/3/2/2/3/3/3/3/3/4/3/2/3/1/1/2/1/4/5/3/3/3/2/2/3/3/
2/3/3/2/2/3/4/3/4/C/M00325      20/Stadsomrade Vaster                           
               20/Forsorjningsstod Vaster                                     20
/socialsekreterare                                           3/2/3/2/2/3/3/3/3/3
/3/3/4/4/3/3/4/3/*.3/3/4/1/1/3/3/2/2/1/2/4/3/3/3/3/3/2/2/1/2/2/2/4/4/4/3/3/3/3/2
/1/3/3/2/3/2/3/3/3/3/ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ
