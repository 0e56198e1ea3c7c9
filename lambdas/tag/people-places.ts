/**
 * Common given names across many languages, and countries, regions and large
 * cities: a name that starts with a given name ("Anna Post") reads as a
 * person, and a bare place ("Brazil reported 30 cases") is not a news
 * organisation. General vocabulary; neither list is complete, and neither
 * needs to be: they only veto names that no other evidence marks as news.
 */
const set = (words: string) => new Set(words.split(/\s+/u).filter(Boolean));

export const GIVEN_NAMES = set(`
  Aaron Abdul Abdullah Adam Adrian Ahmed Ahmad Aisha Alan Albert Alberto Alejandro Alex Alexander Alexandra
  Alexei Ali Alice Alicia Alison Amanda Amy Ana Anders Andrea Andreas Andrew Andrés Andrei Angela Anil Anita
  Ann Anna Anne Anthony Antonio Arjun Arthur Ashley Aziz Barbara Ben Benjamin Bernard Beth Betty Bill Bob
  Boris Brian Bruce Bruno Carl Carla Carlos Carmen Carol Caroline Catherine Charles Charlie Chen Chris
  Christian Christina Christine Christopher Claire Claudia Colin Craig Daniel Daniela  David Deborah
  Dennis Diana Diego Dmitry Dominic Donald Dorothy Douglas Ed Edward Elena Elizabeth  Emily Emma Eric
  Erik Eva Fatima Felipe Fernando Francesca Francis Francisco Frank Fred Gabriel Gary George Georg Gerald
  Giovanni Giulia Grace Greg Gregory Hannah Hans Harold Harry Helen Henry  Hugo Ian Ibrahim Igor Irina
  Isabel Ivan Jack Jacob James Jamie Jan Jane Janet Jason Javier Jean Jeff Jennifer Jessica Jim Joan Joanna
  Joe John Johan Jonathan Jorge José Joseph Joshua  Juan Judith Julia Julie Karen Karl Kate Katherine
  Kathleen Keith Kenji Kenneth Kevin Kim Kumar Larry Laura Lauren Lee Leonardo Li Linda Lisa Liu Luca Lucas
  Lucy Luis Luisa Maria María Mariana Marie Mark Marco Marcus Margaret Maria Marina Mario Martin Mary Matthew
  Maxim Megan Mehmet Melissa Michael Michel Michelle Miguel Mikhail Mohamed Mohammed Muhammad Nancy Natalia
  Nathan Nicholas Nicola Nicole Nikolai Nina Olga Oliver Olivia Omar Oscar Pablo Patricia Patrick Paul Paula
  Pedro Peter Philip Pierre Priya Rachel Rafael Rahul Raj Ramón Ravi Raymond Rebecca  Ricardo Richard
  Robert Roberto Roger Ronald Rosa Ruth Ryan Sam Samuel Sandra Sara Sarah Scott Sean Sergei Sergio Sharon
  Simon Sofia Sophie Stephen Steven Susan Takashi Thomas Timothy Tom Tony Valentina Vanessa Victor Vikram
  Vladimir Walter William Yuki Yusuf Zhang Wang Nguyen Olena Oleksandr Yulia Tatiana Svetlana Natasha Ahmet
  Fatma Mustafa Hassan Hussein Khalid Layla Noor Amir Reza Sanjay Deepak Sunita Lakshmi Kwame Kofi Amara
  Chinedu Ngozi Oluwaseun Emeka Thabo Sipho  Wanjiku Joao João Luiz Thiago Rodrigo Gustavo Camila
  Valeria Jimena Sebastián Mateo Santiago Lorenzo Matteo Alessandro Giuseppe Francesco Klaus Jürgen Wolfgang
  Ursula Heinz Lars Sven Ingrid Astrid Pieter Willem Jens Jakub Piotr Tomasz Katarzyna Agnieszka Mehdi
  Youssef Karim Samir Leila Haruto Sakura Min Ji Seo Hyun Jin Wei Xin Hui Ming Arun Anand Farhan 
  Rashid Tariq Imran Ayesha Bilal
`);

export const PLACES = set(`
  Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh Belarus
  Belgium Bolivia Bosnia Botswana Brazil Bulgaria Cambodia Cameroon Canada Chad Chile China Colombia Congo
  Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt England Eritrea Estonia Ethiopia Europe Finland France
  Gabon Gaza Georgia Germany Ghana Greece Guatemala Guinea Haiti Honduras Hungary Iceland India Indonesia
  Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait Kyrgyzstan Laos
  Latvia Lebanon Liberia Libya Lithuania Luxembourg Madagascar Malawi Malaysia Mali Malta Mexico Moldova
  Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway
  Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda
  Scotland Senegal Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan
  Tajikistan Tanzania Thailand Togo Tunisia Turkey Türkiye Turkmenistan Uganda Ukraine Uruguay Uzbekistan
  Venezuela Vietnam Wales Yemen Zambia Zimbabwe Africa Asia America Americas Antarctica Arctic Britain
  Washington Beijing Moscow London Paris Berlin Tokyo Delhi Mumbai Kyiv Kiev Seoul Cairo Lagos Nairobi
  Johannesburg Madrid Rome Brussels Geneva Vienna Warsaw Istanbul Ankara Tehran Baghdad Jerusalem Dubai
  Riyadh Karachi Lahore Islamabad Dhaka Kolkata Chennai Bangalore Bengaluru Jakarta Manila Bangkok Hanoi
  Shanghai Hong Kong Sydney Melbourne Toronto Montreal Ottawa Vancouver Chicago Boston Houston Dallas Atlanta
  Miami Seattle Denver Phoenix Texas California Florida Ohio Michigan Illinois Pennsylvania Virginia Arizona
  Alabama Alaska Arkansas Colorado Connecticut Delaware Hawaii Idaho Indiana Iowa Kansas Kentucky Louisiana
  Maine Maryland Massachusetts Minnesota Mississippi Missouri Montana Nebraska Nevada Oklahoma Oregon
  Tennessee Utah Vermont Wisconsin Wyoming Beirut Damascus Kabul Lima Bogotá Bogota Santiago Caracas Quito
  Havana Brasília Brasilia Rio Lisbon Athens Dublin Oslo Stockholm Copenhagen Helsinki Prague Budapest
  Bucharest Sofia Belgrade Zagreb Minsk Tbilisi Yerevan Baku Almaty Tashkent Kinshasa Accra Dakar Abuja
  Addis Ababa Khartoum Kampala Kigali Lusaka Harare Pretoria Durban Casablanca Tunis Algiers Tripoli
  Pyongyang Taipei Osaka Kyoto Singapore Auckland Wellington Kashmir Punjab Kerala Assam Bengal Gujarat
  Maharashtra Karnataka Bihar Siberia Crimea Donbas Kharkiv Odesa Bavaria Catalonia Quebec Ontario Alberta
  Wuhan Guangzhou Shenzhen Sichuan Xinjiang Tibet Okinawa Hokkaido Mindanao Java Bali Sumatra Borneo
`);
